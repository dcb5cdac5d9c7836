package io.streametl.sink.state;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the short durations used in configs: a whole number and a unit, as in {@code 10m}. */
public final class Durations {

  private static final Pattern SHAPE = Pattern.compile("(\\d{1,12})(ms|s|m|h|d)");
  /** Longer durations make no sense for time-to-lives or windows, and would overflow millis arithmetic. */
  static final Duration MAX = Duration.ofDays(36_500);
  public static final String SYNTAX = "a whole number and a unit (ms, s, m, h, d), e.g. 500ms, 30s, 10m, 1h, 1d";

  private Durations() {}

  /**
   * Parses {@code 500ms}, {@code 30s}, {@code 10m}, {@code 1h}, {@code 7d}, or {@code 0}.
   *
   * @throws IllegalArgumentException saying what to write instead
   */
  public static Duration parse(String text) {
    String trimmed = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    if (trimmed.equals("0")) {
      return Duration.ZERO;
    }
    Matcher m = SHAPE.matcher(trimmed);
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a duration: write " + SYNTAX);
    }
    long amount = Long.parseLong(m.group(1));
    Duration duration = switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      default -> Duration.ofDays(amount);
    };
    if (duration.compareTo(MAX) > 0) {
      throw new IllegalArgumentException("'" + text + "' is longer than the limit of " + MAX.toDays() + "d");
    }
    return duration;
  }

  /** The shortest text {@link #parse} reads back to {@code d}, e.g. {@code 90s} or {@code 10m}. */
  public static String format(Duration d) {
    long ms = d.toMillis();
    if (ms == 0) {
      return "0";
    }
    long[] sizes = {86_400_000L, 3_600_000L, 60_000L, 1_000L};
    String[] units = {"d", "h", "m", "s"};
    for (int i = 0; i < sizes.length; i++) {
      if (ms % sizes[i] == 0) {
        return (ms / sizes[i]) + units[i];
      }
    }
    return ms + "ms";
  }
}
