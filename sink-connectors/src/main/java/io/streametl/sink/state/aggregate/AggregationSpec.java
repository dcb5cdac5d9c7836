package io.streametl.sink.state.aggregate;

import io.streametl.common.fieldpath.FieldPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One named windowed aggregation, checked as a whole: its partial rows have the columns
 * {@code window_start, window_end}, then the group columns, then the metric columns, all
 * distinct. Build it with {@link AggregationConfig#parse}, or directly in tests.
 *
 * @param timeField the event-time field (Timestamp, epoch millis, or ISO-8601 text)
 * @param allowedLateness how long after a window's end (by watermark) records still add to it
 * @param watermarkDelay how far the watermark trails the highest event time seen
 * @param maxAheadOfRecordTime if present, a record whose event time is further than this ahead
 *     of its Kafka timestamp is rejected (dead-letter queue), so one bad clock cannot push the
 *     watermark past every window
 */
public record AggregationSpec(
    String name,
    WindowSpec window,
    FieldPath timeField,
    List<GroupColumn> groupBy,
    List<MetricSpec> metrics,
    Duration allowedLateness,
    Duration watermarkDelay,
    TooLatePolicy tooLate,
    Optional<Duration> maxAheadOfRecordTime) {

  public AggregationSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(timeField, "timeField");
    groupBy = List.copyOf(groupBy);
    metrics = List.copyOf(metrics);
    if (metrics.isEmpty()) {
      throw new IllegalArgumentException("aggregation '" + name + "' has no metrics; list at least one, e.g. count");
    }
    if (allowedLateness.isNegative() || watermarkDelay.isNegative()) {
      throw new IllegalArgumentException("allowed lateness and watermark delay cannot be negative");
    }
    Set<String> seen = new HashSet<>(Set.of(ColumnNames.WINDOW_START, ColumnNames.WINDOW_END));
    for (String column : groupAndMetricColumns(groupBy, metrics)) {
      if (!seen.add(column)) {
        throw new IllegalArgumentException("aggregation '" + name + "' has two columns named '" + column
            + "' (window_start and window_end are taken); name one with 'as', e.g. 'device.os as os'");
      }
    }
  }

  private static List<String> groupAndMetricColumns(List<GroupColumn> groupBy, List<MetricSpec> metrics) {
    List<String> columns = new ArrayList<>();
    groupBy.forEach(g -> columns.add(g.column()));
    metrics.forEach(m -> columns.add(m.column()));
    return columns;
  }

  /** Every column of a partial row, in the order of {@link PartialRow#values()}. */
  public List<String> columns() {
    List<String> columns = new ArrayList<>(List.of(ColumnNames.WINDOW_START, ColumnNames.WINDOW_END));
    columns.addAll(groupAndMetricColumns(groupBy, metrics));
    return List.copyOf(columns);
  }

  public List<String> groupColumns() {
    return groupBy.stream().map(GroupColumn::column).toList();
  }
}
