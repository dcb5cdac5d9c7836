package io.streametl.sink.state.aggregate;

import io.streametl.sink.state.CanonicalEncoder;

/**
 * The approx_distinct accumulator's sketch, in the {@link SketchFormat} its destination's SQL
 * engine merges. A sketch lives for one commit cycle and is written once, serialized, in the
 * cycle's partial row: it is never part of the state recorded with the offsets.
 */
interface DistinctSketch {

  /** A value other than text or an integer, canonically encoded so equal values hash alike. */
  record Encoded(byte[] bytes) {}

  /**
   * What {@link #add} takes for a field value: text and integers (of any width, alike by value)
   * as they are, anything else {@link Encoded}.
   *
   * @throws org.apache.kafka.connect.errors.DataException if the value cannot be encoded
   */
  static Object input(Object value, String what) {
    if (value instanceof String) {
      return value;
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    return new Encoded(new CanonicalEncoder().value(value, what).toByteArray());
  }

  /**
   * A new, empty sketch.
   *
   * @param type the metric's declared input type: {@link ValueType#STRING}, {@link ValueType#LONG},
   *     or {@link ValueType#NUMBER} when none is declared (any value)
   */
  static DistinctSketch create(SketchFormat format, ValueType type) {
    return switch (format) {
      case TRINO_HLL -> new TrinoDistinctSketch();
      case BIGQUERY_HLL_PLUS_PLUS -> new HllPlusPlusSketch(type);
    };
  }

  /** Adds an {@link #input} (of the declared type, when the metric declares one). */
  void add(Object input);

  byte[] serialize();
}
