package io.streametl.smt.validate;

import io.streametl.common.fieldpath.FieldPath;
import io.streametl.common.fieldpath.FieldValue;
import io.streametl.common.fieldpath.ValueTypes;
import io.streametl.smt.ScalarText;
import java.math.BigDecimal;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;

/**
 * A number, where present and not null, must lie within inclusive bounds; either bound may be
 * left open. Any numeric type passes the comparison (int, float, Decimal), compared exactly.
 */
final class RangeRule implements FieldRule {

  private static final String EXAMPLE = "amount:0..10000, amount:0.. or amount:..99.99";

  private final FieldPath path;
  private final BigDecimal min;
  private final BigDecimal max;

  RangeRule(FieldPath path, BigDecimal min, BigDecimal max) {
    this.path = path;
    this.min = min;
    this.max = max;
  }

  /**
   * Reads a {@code path:min..max} entry; the range is after the last colon.
   *
   * @throws ConfigException saying what is wrong with the entry
   */
  static RangeRule parse(String entry) {
    int colon = entry.lastIndexOf(':');
    int dots = colon < 0 ? -1 : entry.indexOf("..", colon);
    if (dots < 0) {
      throw invalid(entry, "expected path:min..max, e.g. " + EXAMPLE);
    }
    FieldPath path = FieldPath.parse(entry.substring(0, colon).trim());
    BigDecimal min = bound(entry, entry.substring(colon + 1, dots));
    BigDecimal max = bound(entry, entry.substring(dots + 2));
    if (min == null && max == null) {
      throw invalid(entry, "give a minimum, a maximum or both, e.g. " + EXAMPLE);
    }
    if (min != null && max != null && min.compareTo(max) > 0) {
      throw invalid(entry, "the minimum is greater than the maximum");
    }
    return new RangeRule(path, min, max);
  }

  private static BigDecimal bound(String entry, String text) {
    if (text.isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(text.trim());
    } catch (NumberFormatException e) {
      throw invalid(entry, "'" + text.trim() + "' is not a decimal number");
    }
  }

  private static ConfigException invalid(String entry, String why) {
    return new ConfigException("Invalid range rule '" + entry + "': " + why);
  }

  @Override
  public FieldPath path() {
    return path;
  }

  @Override
  public Optional<String> violation(FieldValue found, ValueForm form) {
    if (!found.isPresent() || found.isNull()) {
      return Optional.empty();
    }
    Object value = found.value();
    BigDecimal number = value instanceof Number ? ScalarText.toBigDecimal((Number) value) : null;
    if (number == null) {
      String what = value instanceof Number ? "not a finite number" : describe(value);
      return Optional.of(
          "field '" + path + "' must be a number " + bounds() + " but is " + what);
    }
    if (min != null && number.compareTo(min) < 0) {
      return Optional.of("field '" + path + "' must be " + bounds() + " but is less");
    }
    if (max != null && number.compareTo(max) > 0) {
      return Optional.of("field '" + path + "' must be " + bounds() + " but is greater");
    }
    return Optional.empty();
  }

  private String bounds() {
    if (min == null) {
      return "at most " + max.toPlainString();
    }
    if (max == null) {
      return "at least " + min.toPlainString();
    }
    return "between " + min.toPlainString() + " and " + max.toPlainString();
  }

  private static String describe(Object value) {
    return ValueTypes.withArticle(ValueTypes.describe(value));
  }
}
