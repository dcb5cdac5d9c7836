package io.streametl.common.fieldpath;

import java.util.List;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * Checks field-path configs when they are defined, with the same {@link FieldPath#parse} that
 * {@code configure()} uses, so validation and configuration cannot disagree.
 */
public final class FieldPathValidator implements ConfigDef.Validator {

  private final boolean list;

  private FieldPathValidator(boolean list) {
    this.list = list;
  }

  /** For a {@code LIST} config of paths; an empty list is valid. */
  public static FieldPathValidator list() {
    return new FieldPathValidator(true);
  }

  /** For a {@code STRING} config holding one path, where the empty string means "disabled". */
  public static FieldPathValidator optionalSingle() {
    return new FieldPathValidator(false);
  }

  @Override
  public void ensureValid(String name, Object value) {
    if (value == null) {
      return;
    }
    if (list) {
      if (!(value instanceof List)) {
        throw new ConfigException(name, value, "expected a comma-separated list of field paths");
      }
      for (Object element : (List<?>) value) {
        check(name, element == null ? null : element.toString());
      }
    } else if (!value.toString().isEmpty()) {
      check(name, value.toString());
    }
  }

  private static void check(String name, String path) {
    try {
      FieldPath.parse(path);
    } catch (ConfigException e) {
      throw new ConfigException(name, path, e.getMessage());
    }
  }

  /** Shown as "Valid Values" in the generated config reference. */
  @Override
  public String toString() {
    String syntax = "KIP-821 field path: dots between names, backticks around names with dots";
    return list ? "list of " + syntax : "empty (disabled) or a " + syntax;
  }
}
