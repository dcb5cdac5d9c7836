package io.streametl.sink.state.aggregate;

import io.streametl.sink.state.CanonicalEncoder;

/**
 * The approx_distinct accumulator's sketch: a {@link TrinoHyperLogLog} of 4096 buckets, as
 * Trino's {@code approx_set} uses (standard error about 1.6%). Serialized, it takes 4 bytes per
 * distinct value while small and about 2 KB at most.
 */
final class DistinctSketch {

  private final TrinoHyperLogLog hll = new TrinoHyperLogLog();

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

  /** Adds an {@link #input}: text by its UTF-8 bytes, integers by value, others by their encoding. */
  void add(Object input) {
    if (input instanceof String s) {
      hll.addString(s);
    } else if (input instanceof Long l) {
      hll.addLong(l);
    } else {
      hll.addBytes(((Encoded) input).bytes());
    }
  }

  byte[] serialize() {
    return hll.serialize();
  }
}
