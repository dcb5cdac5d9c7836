package io.streametl.smt;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;

/**
 * The text of a scalar field value, one definition for every transform and predicate that
 * compares, looks up or hashes values as text: a string is itself, a boolean "true" or "false",
 * and a number its plain decimal value without trailing zeros, whatever Java type a converter
 * chose (int32 7, int64 7 and Decimal 7.00 are all "7"; float64 12.5 and Decimal 12.50 are both
 * "12.5").
 */
public final class ScalarText {

  private ScalarText() {}

  /** The text of {@code value}, or empty if it is null or not a string, boolean or number. */
  public static Optional<String> of(Object value) {
    if (value instanceof String) {
      return Optional.of((String) value);
    }
    if (value instanceof Boolean) {
      return Optional.of(value.toString());
    }
    if (value instanceof Number) {
      return Optional.of(number((Number) value));
    }
    return Optional.empty();
  }

  /** The plain decimal text of a number; NaN and infinities keep Java's names. */
  public static String number(Number number) {
    if (number instanceof Integer
        || number instanceof Long
        || number instanceof Short
        || number instanceof Byte
        || number instanceof BigInteger) {
      return number.toString();
    }
    BigDecimal decimal = toBigDecimal(number);
    return decimal == null ? number.toString() : plain(decimal);
  }

  /** {@code number} as an exact BigDecimal, or {@code null} for NaN and infinities. */
  public static BigDecimal toBigDecimal(Number number) {
    if (number instanceof BigDecimal) {
      return (BigDecimal) number;
    }
    if (number instanceof BigInteger) {
      return new BigDecimal((BigInteger) number);
    }
    if (number instanceof Double || number instanceof Float) {
      double d = number.doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        return null;
      }
      // The shortest decimal that reads back to the same float or double, as JSON writes it.
      return new BigDecimal(number.toString());
    }
    return BigDecimal.valueOf(number.longValue());
  }

  private static String plain(BigDecimal decimal) {
    if (decimal.signum() == 0) {
      return "0";
    }
    return decimal.stripTrailingZeros().toPlainString();
  }
}
