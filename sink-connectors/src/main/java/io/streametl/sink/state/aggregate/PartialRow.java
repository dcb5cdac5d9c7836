package io.streametl.sink.state.aggregate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One commit cycle's partial aggregate for one window and group: summed, min'd, max'd or merged
 * with the other partial rows of the same window and group (by the fold SQL in
 * docs/aggregates.md), it gives the exact result.
 *
 * <p>Group values are as found in the records, normalised so that equal values look alike: any
 * integer as {@link Long}, float as {@link Double}, decimals without trailing zeros, {@link
 * java.util.Date} for Connect timestamps, {@code byte[]} for bytes; null for a missing field.
 * Metric values: counts {@link Long}; sums, mins and maxes per their {@link ValueType} ({@link
 * Long}, {@link java.math.BigDecimal}, {@link Double}, {@link String}, {@link Instant}), null
 * when no record had a value; approx_distinct a serialized Trino/Airlift HyperLogLog ({@code byte[]}).
 */
public record PartialRow(Instant windowStart, Instant windowEnd, List<Object> groupValues, List<Object> metricValues) {

  public PartialRow {
    groupValues = Collections.unmodifiableList(new ArrayList<>(groupValues));
    metricValues = Collections.unmodifiableList(new ArrayList<>(metricValues));
  }

  /** All values in the order of {@link AggregationSpec#columns()}. */
  public List<Object> values() {
    List<Object> values = new ArrayList<>(2 + groupValues.size() + metricValues.size());
    values.add(windowStart);
    values.add(windowEnd);
    values.addAll(groupValues);
    values.addAll(metricValues);
    return Collections.unmodifiableList(values);
  }
}
