package io.streametl.smt.validate;

import io.streametl.common.fieldpath.FieldPath;
import io.streametl.common.fieldpath.FieldValue;
import io.streametl.common.fieldpath.ValueTypes;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;

/**
 * A field, where present and not null, must have a type. Absent and null fields pass: whether a
 * field must exist is {@link RequiredFieldRule}'s question, so one problem gives one message.
 */
final class FieldTypeRule implements FieldRule {

  private final FieldPath path;
  private final FieldType type;

  FieldTypeRule(FieldPath path, FieldType type) {
    this.path = path;
    this.type = type;
  }

  /**
   * Reads a {@code path:type} entry of {@code fields.types}. The type is after the last colon, so
   * a quoted path may contain colons; spaces around the colon are ignored.
   *
   * @throws ConfigException saying what is wrong with the entry
   */
  static FieldTypeRule parse(String entry) {
    int colon = entry.lastIndexOf(':');
    if (colon < 0) {
      throw new ConfigException(
          "Invalid field type rule '" + entry + "': expected path:type, e.g. amount:number");
    }
    FieldPath path = FieldPath.parse(entry.substring(0, colon).trim());
    try {
      return new FieldTypeRule(path, FieldType.parse(entry.substring(colon + 1)));
    } catch (ConfigException e) {
      throw new ConfigException("Invalid field type rule '" + entry + "': " + e.getMessage());
    }
  }

  @Override
  public FieldPath path() {
    return path;
  }

  FieldType type() {
    return type;
  }

  @Override
  public Optional<String> violation(FieldValue found, ValueForm form) {
    if (!found.isPresent() || found.isNull() || type.accepts(found.value(), form)) {
      return Optional.empty();
    }
    return Optional.of(
        "field '" + path + "' must be " + ValueTypes.withArticle(type.configName()) + " but is "
            + type.describeMismatch(found.value(), form));
  }
}
