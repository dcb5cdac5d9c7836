package io.streametl.smt.validate;

import java.util.List;
import java.util.function.Function;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * Checks a list of rule entries when the config is defined, with the same parser
 * {@code configure()} uses, so validation and configuration cannot disagree.
 */
final class RuleListValidator implements ConfigDef.Validator {

  private final Function<String, ? extends FieldRule> parser;
  private final String validValues;

  /**
   * @param parser reads one entry, throwing a ConfigException that says what is wrong
   * @param validValues shown as "Valid Values" in the generated config reference
   */
  RuleListValidator(Function<String, ? extends FieldRule> parser, String validValues) {
    this.parser = parser;
    this.validValues = validValues;
  }

  @Override
  public void ensureValid(String name, Object value) {
    if (value == null) {
      return;
    }
    for (Object entry : (List<?>) value) {
      try {
        parser.apply(String.valueOf(entry));
      } catch (ConfigException e) {
        throw new ConfigException(name, entry, e.getMessage());
      }
    }
  }

  @Override
  public String toString() {
    return validValues;
  }
}
