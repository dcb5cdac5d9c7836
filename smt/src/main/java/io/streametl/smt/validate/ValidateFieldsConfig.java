package io.streametl.smt.validate;

import io.streametl.common.fieldpath.FieldPath;
import io.streametl.common.fieldpath.FieldPathValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.transforms.util.SimpleConfig;

/** The configuration of {@link ValidateFields}, read into rules. */
final class ValidateFieldsConfig {

  private static final String FIELDS_REQUIRED = ValidateFields.FIELDS_REQUIRED_CONFIG;
  private static final String FIELDS_TYPES = ValidateFields.FIELDS_TYPES_CONFIG;

  private static final String GROUP = "Rules";

  private ValidateFieldsConfig() {}

  static ConfigDef configDef() {
    return new ConfigDef()
        .define(
            FIELDS_REQUIRED,
            ConfigDef.Type.LIST,
            "",
            FieldPathValidator.list(),
            ConfigDef.Importance.HIGH,
            "Fields that must be present and not null, as comma-separated field paths. Nested"
                + " fields use dots (device.os); a name containing a dot is quoted in backticks"
                + " (`app.version`), as in KIP-821. Example: event_id,user_id,device.os",
            GROUP,
            1,
            ConfigDef.Width.LONG,
            "Required fields")
        .define(
            FIELDS_TYPES,
            ConfigDef.Type.LIST,
            "",
            new FieldTypeListValidator(),
            ConfigDef.Importance.HIGH,
            "Types that fields must have where present and not null, as comma-separated"
                + " path:type pairs. Types: string; boolean; int (any integral width); number"
                + " (integral, floating point or Decimal); decimal; timestamp (Connect Timestamp,"
                + " or in schemaless values also an ISO-8601 date-time string with offset); struct"
                + " (Struct or Map); array. Example: amount:number,event_time:timestamp,device:struct",
            GROUP,
            2,
            ConfigDef.Width.LONG,
            "Field types");
  }

  /**
   * The rules in {@code props}: required fields first, then types, each in the order given.
   *
   * @throws ConfigException if a value is invalid or no rule is configured
   */
  static FieldRules parse(Map<String, ?> props) {
    SimpleConfig config = new SimpleConfig(ValidateFields.CONFIG_DEF, props);
    List<FieldRule> rules = new ArrayList<>();
    for (FieldPath path : FieldPath.parseAll(config.getList(FIELDS_REQUIRED))) {
      rules.add(new RequiredFieldRule(path));
    }
    for (String entry : config.getList(FIELDS_TYPES)) {
      rules.add(FieldTypeRule.parse(entry));
    }
    if (rules.isEmpty()) {
      throw new ConfigException(
          "ValidateFields has no rules: set " + FIELDS_REQUIRED + " or " + FIELDS_TYPES
              + " (or both)");
    }
    return new FieldRules(rules);
  }
}
