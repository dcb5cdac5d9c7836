package io.streametl.smt.validate;

import io.streametl.common.fieldpath.FieldPath;
import io.streametl.common.fieldpath.FieldValue;
import io.streametl.common.fieldpath.ValueTypes;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;

/**
 * A string (in Unicode characters), bytes (in bytes) or array (in elements), where present and
 * not null, must be at most a given length.
 */
final class MaxLengthRule implements FieldRule {

  private final FieldPath path;
  private final int max;

  MaxLengthRule(FieldPath path, int max) {
    this.path = path;
    this.max = max;
  }

  /**
   * Reads a {@code path:n} entry; the length is after the last colon.
   *
   * @throws ConfigException saying what is wrong with the entry
   */
  static MaxLengthRule parse(String entry) {
    int colon = entry.lastIndexOf(':');
    if (colon < 0) {
      throw invalid(entry, "expected path:length, e.g. user_id:64");
    }
    FieldPath path = FieldPath.parse(entry.substring(0, colon).trim());
    String length = entry.substring(colon + 1).trim();
    try {
      int max = Integer.parseInt(length);
      if (max < 0) {
        throw invalid(entry, "the length must not be negative");
      }
      return new MaxLengthRule(path, max);
    } catch (NumberFormatException e) {
      throw invalid(entry, "'" + length + "' is not a whole number");
    }
  }

  private static ConfigException invalid(String entry, String why) {
    return new ConfigException("Invalid max length rule '" + entry + "': " + why);
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
    int length;
    String unit;
    if (value instanceof String) {
      String text = (String) value;
      length = text.codePointCount(0, text.length());
      unit = " characters";
    } else if (value instanceof byte[]) {
      length = ((byte[]) value).length;
      unit = " bytes";
    } else if (value instanceof ByteBuffer) {
      length = ((ByteBuffer) value).remaining();
      unit = " bytes";
    } else if (value instanceof List) {
      length = ((List<?>) value).size();
      unit = " elements";
    } else {
      return Optional.of(
          "field '" + path + "' must be a string, bytes or an array of at most " + max
              + " but is " + ValueTypes.withArticle(ValueTypes.describe(value)));
    }
    if (length > max) {
      return Optional.of("field '" + path + "' must be at most " + max + unit + " long but is"
          + " longer");
    }
    return Optional.empty();
  }
}
