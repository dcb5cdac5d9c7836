package io.streametl.sink.state.aggregate;

import java.util.Locale;

/**
 * The type a sum, min or max reads its field as, written after the metric: {@code sum(amount):decimal}.
 * Declare it whenever the field's type is not fixed by a schema (schemaless JSON gives integers
 * for {@code 12} and doubles for {@code 12.5}), so that the metric's column has one type.
 */
public enum ValueType {
  /** Any number, kept as it comes: integers sum as int64, decimals exactly, floating point as double. */
  NUMBER,
  /** Integers (decimals and doubles only when they have no fraction); sums are int64. */
  LONG,
  /** Any number, as double: fast, but sums round. */
  DOUBLE,
  /** Any number, as exact decimal (doubles through their shortest decimal text). */
  DECIMAL,
  /** Text, ordered by Unicode code point (as SQL engines order UTF-8): min and max only. */
  STRING,
  /** Timestamps, epoch millis or ISO-8601 text: min and max only. */
  TIMESTAMP;

  static ValueType parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + text + "' is not a value type: use number, long, double, decimal, "
          + "string or timestamp");
    }
  }

  boolean isNumeric() {
    return this != STRING && this != TIMESTAMP;
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
