package io.streametl.sink.state.aggregate;

import io.streametl.sink.state.Durations;
import java.time.Duration;
import java.util.Locale;

/**
 * Event-time windows aligned to the epoch: tumbling ({@code tumbling:1m}: each record in exactly
 * one window) or hopping ({@code hopping:10m/1m}: windows of 10 minutes starting every minute,
 * each record in size / hop of them). A window covers [start, start + size).
 */
public record WindowSpec(Duration size, Duration hop) {

  /** Each window a record falls in costs an update per record and a row per commit cycle. */
  static final int MAX_WINDOWS_PER_RECORD = 1000;
  static final String SYNTAX = "tumbling:<size> or hopping:<size>/<hop>, e.g. tumbling:1m or hopping:10m/1m";

  public WindowSpec {
    if (size.toMillis() <= 0 || hop.toMillis() <= 0) {
      throw new IllegalArgumentException("window size and hop must be at least 1ms");
    }
    if (hop.compareTo(size) > 0) {
      throw new IllegalArgumentException("the hop (" + Durations.format(hop) + ") is longer than the window ("
          + Durations.format(size) + "), so some records would fall in no window; use a hop no longer than the size");
    }
    if (size.toMillis() % hop.toMillis() != 0) {
      throw new IllegalArgumentException("the window size (" + Durations.format(size) + ") must be a whole multiple "
          + "of the hop (" + Durations.format(hop) + "), so that every record falls in the same number of windows");
    }
    if (size.toMillis() / hop.toMillis() > MAX_WINDOWS_PER_RECORD) {
      throw new IllegalArgumentException("hopping:" + Durations.format(size) + "/" + Durations.format(hop) + " puts "
          + "every record in " + size.toMillis() / hop.toMillis() + " windows; at most " + MAX_WINDOWS_PER_RECORD
          + " are allowed: use a longer hop or a shorter window");
    }
  }

  public static WindowSpec tumbling(Duration size) {
    return new WindowSpec(size, size);
  }

  public static WindowSpec hopping(Duration size, Duration hop) {
    return new WindowSpec(size, hop);
  }

  /**
   * Parses {@code tumbling:<size>} or {@code hopping:<size>/<hop>}.
   *
   * @throws IllegalArgumentException saying what to write instead
   */
  public static WindowSpec parse(String text) {
    String trimmed = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    int colon = trimmed.indexOf(':');
    String type = colon < 0 ? trimmed : trimmed.substring(0, colon);
    String sizes = colon < 0 ? "" : trimmed.substring(colon + 1);
    if (type.equals("tumbling") && !sizes.contains("/")) {
      return tumbling(duration(sizes, text));
    }
    if (type.equals("hopping") && sizes.indexOf('/') > 0) {
      int slash = sizes.indexOf('/');
      return hopping(duration(sizes.substring(0, slash), text), duration(sizes.substring(slash + 1), text));
    }
    throw notAWindow(text, "");
  }

  private static Duration duration(String part, String text) {
    try {
      return Durations.parse(part);
    } catch (IllegalArgumentException e) {
      throw notAWindow(text, " (" + e.getMessage() + ")");
    }
  }

  private static IllegalArgumentException notAWindow(String text, String detail) {
    return new IllegalArgumentException("'" + text + "' is not a window" + detail + ": write " + SYNTAX
        + ", with durations as " + Durations.SYNTAX);
  }

  public boolean isTumbling() {
    return size.equals(hop);
  }

  public int windowsPerRecord() {
    return (int) (size.toMillis() / hop.toMillis());
  }

  /** The start of the latest window holding {@code eventTime}; the others start a hop apart before it. */
  long latestStart(long eventTime) {
    long hopMillis = hop.toMillis();
    return Math.floorDiv(eventTime, hopMillis) * hopMillis;
  }

  /** The text {@link #parse} reads back to this window. */
  @Override
  public String toString() {
    return isTumbling() ? "tumbling:" + Durations.format(size)
        : "hopping:" + Durations.format(size) + "/" + Durations.format(hop);
  }
}
