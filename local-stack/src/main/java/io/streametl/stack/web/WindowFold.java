package io.streametl.stack.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Folds an aggregation's partial rows into one count per window and value of a group column, as
 * the documented fold SQL does ({@code SUM(record_count) ... GROUP BY window_start, <column>}):
 * a late event's delta row adds to its window instead of showing as a window of its own. Only the
 * latest windows are kept, so a chart stays readable however long the demo runs.
 */
public final class WindowFold {

  /** Counts per window (oldest first) for each value of the group column (null as "(none)"). */
  public record Counts(List<Instant> windows, Map<String, List<Long>> byGroup) {}

  static final String NONE = "(none)";

  private final String countColumn;
  private final int maxWindows;

  public WindowFold(String countColumn, int maxWindows) {
    this.countColumn = countColumn;
    this.maxWindows = maxWindows;
  }

  /** Folds {@code rows} (column name to value) by {@code window_start} and {@code groupColumn}. */
  public Counts fold(Iterable<Map<String, Object>> rows, String groupColumn) {
    TreeMap<Instant, Map<String, Long>> windows = new TreeMap<>();
    TreeSet<String> groups = new TreeSet<>();
    for (Map<String, Object> row : rows) {
      Instant start = instant(row.get("window_start"));
      Object count = row.get(countColumn);
      if (start == null || !(count instanceof Number n)) {
        continue; // not a partial row of this shape; the table is the sink's, so not expected
      }
      Object value = row.get(groupColumn);
      String group = value == null ? NONE : value.toString();
      groups.add(group);
      windows.computeIfAbsent(start, w -> new LinkedHashMap<>()).merge(group, n.longValue(),
          Long::sum);
    }
    while (windows.size() > maxWindows) {
      windows.pollFirstEntry();
    }
    Map<String, List<Long>> byGroup = new LinkedHashMap<>();
    for (String group : groups) {
      List<Long> counts = new ArrayList<>(windows.size());
      windows.values().forEach(w -> counts.add(w.getOrDefault(group, 0L)));
      if (counts.stream().anyMatch(c -> c != 0)) {
        byGroup.put(group, List.copyOf(counts));
      }
    }
    return new Counts(List.copyOf(windows.keySet()), byGroup);
  }

  /** Iceberg's {@code timestamptz} reads as OffsetDateTime, {@code timestamp} as LocalDateTime. */
  static Instant instant(Object value) {
    if (value instanceof OffsetDateTime t) {
      return t.toInstant();
    }
    if (value instanceof LocalDateTime t) {
      return t.toInstant(ZoneOffset.UTC);
    }
    if (value instanceof Instant t) {
      return t;
    }
    return null;
  }
}
