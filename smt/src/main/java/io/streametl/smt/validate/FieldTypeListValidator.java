package io.streametl.smt.validate;

import java.util.List;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * Checks {@code fields.types} when the config is defined, with the same parser {@code configure()}
 * uses, so validation and configuration cannot disagree.
 */
final class FieldTypeListValidator implements ConfigDef.Validator {

  @Override
  public void ensureValid(String name, Object value) {
    if (value == null) {
      return;
    }
    for (Object entry : (List<?>) value) {
      try {
        FieldTypeRule.parse(String.valueOf(entry));
      } catch (ConfigException e) {
        throw new ConfigException(name, entry, e.getMessage());
      }
    }
  }

  /** Shown as "Valid Values" in the generated config reference. */
  @Override
  public String toString() {
    return "list of path:type, where type is one of " + FieldType.validNames();
  }
}
