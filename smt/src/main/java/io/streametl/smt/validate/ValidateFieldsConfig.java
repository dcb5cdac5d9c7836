package io.streametl.smt.validate;

import io.streametl.common.fieldpath.FieldPath;
import io.streametl.common.fieldpath.FieldPathValidator;
import io.streametl.smt.failure.FailureConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.transforms.util.SimpleConfig;

/** The configuration of {@link ValidateFields}, read into rules. */
final class ValidateFieldsConfig {

  private static final String FIELDS_REQUIRED = ValidateFields.FIELDS_REQUIRED_CONFIG;
  private static final String FIELDS_TYPES = ValidateFields.FIELDS_TYPES_CONFIG;
  private static final String FIELDS_NOT_NULL = ValidateFields.FIELDS_NOT_NULL_CONFIG;
  private static final String FIELDS_RANGE = ValidateFields.FIELDS_RANGE_CONFIG;
  private static final String FIELDS_REGEX = ValidateFields.FIELDS_REGEX_CONFIG;
  private static final String FIELDS_ENUM = ValidateFields.FIELDS_ENUM_CONFIG;
  private static final String FIELDS_MAX_LENGTH = ValidateFields.FIELDS_MAX_LENGTH_CONFIG;

  /** Rule configs in the order their rules run; each entry parses to one rule. */
  private static final Map<String, Function<String, ? extends FieldRule>> ENTRY_PARSERS =
      Map.of(
          FIELDS_TYPES, FieldTypeRule::parse,
          FIELDS_RANGE, RangeRule::parse,
          FIELDS_REGEX, RegexRule::parse,
          FIELDS_ENUM, EnumRule::parse,
          FIELDS_MAX_LENGTH, MaxLengthRule::parse);

  private static final List<String> RULE_CONFIGS =
      List.of(
          FIELDS_REQUIRED, FIELDS_NOT_NULL, FIELDS_TYPES, FIELDS_RANGE, FIELDS_REGEX, FIELDS_ENUM,
          FIELDS_MAX_LENGTH);

  private static final String GROUP = "Rules";
  private static final String PATHS_DOC =
      " Nested fields use dots (device.os); a name containing a dot is quoted in backticks"
          + " (`app.version`), as in KIP-821.";
  private static final String PRESENT_DOC =
      " Checked where the field is present and not null (use fields.required for presence).";
  private static final String NO_COMMA_DOC =
      " A list config splits at commas, so a value here cannot contain one.";

  private ValidateFieldsConfig() {}

  static ConfigDef configDef() {
    ConfigDef def = new ConfigDef();
    int order = 0;
    def.define(FIELDS_REQUIRED, ConfigDef.Type.LIST, "", FieldPathValidator.list(),
        ConfigDef.Importance.HIGH,
        "Fields that must be present and not null, as comma-separated field paths." + PATHS_DOC
            + " Example: event_id,user_id,device.os",
        GROUP, ++order, ConfigDef.Width.LONG, "Required fields");
    def.define(FIELDS_NOT_NULL, ConfigDef.Type.LIST, "", FieldPathValidator.list(),
        ConfigDef.Importance.MEDIUM,
        "Fields that may be absent but, where present, must not be null, as comma-separated"
            + " field paths." + PATHS_DOC + " Example: plan,device.os",
        GROUP, ++order, ConfigDef.Width.LONG, "Not-null fields");
    def.define(FIELDS_TYPES, ConfigDef.Type.LIST, "",
        new RuleListValidator(FieldTypeRule::parse,
            "list of path:type, where type is one of " + FieldType.validNames()),
        ConfigDef.Importance.HIGH,
        "Types that fields must have, as comma-separated path:type pairs." + PRESENT_DOC
            + " Types: string; boolean; int (any integral width); number"
            + " (integral, floating point or Decimal); decimal; timestamp (Connect Timestamp,"
            + " or in schemaless values also an ISO-8601 date-time string with offset); struct"
            + " (Struct or Map); array. Example: amount:number,event_time:timestamp,device:struct",
        GROUP, ++order, ConfigDef.Width.LONG, "Field types");
    def.define(FIELDS_RANGE, ConfigDef.Type.LIST, "",
        new RuleListValidator(RangeRule::parse, "list of path:min..max (either bound may be"
            + " left out)"),
        ConfigDef.Importance.MEDIUM,
        "Inclusive ranges numbers must lie in, as comma-separated path:min..max entries;"
            + " either bound may be left out. Any numeric type is compared exactly by value."
            + PRESENT_DOC + " Example: amount:0..10000,device.battery:0..",
        GROUP, ++order, ConfigDef.Width.LONG, "Ranges");
    def.define(FIELDS_REGEX, ConfigDef.Type.LIST, "",
        new RuleListValidator(RegexRule::parse, "list of path:regex (Java regular expressions)"),
        ConfigDef.Importance.MEDIUM,
        "Java regular expressions strings must match as a whole, as comma-separated path:regex"
            + " entries; the regex is everything after the colon that ends the path." + PRESENT_DOC
            + NO_COMMA_DOC + " Match a literal comma with \\x2C. Example: event_id:e-[0-9]+",
        GROUP, ++order, ConfigDef.Width.LONG, "Patterns");
    def.define(FIELDS_ENUM, ConfigDef.Type.LIST, "",
        new RuleListValidator(EnumRule::parse, "list of path:value|value|..."),
        ConfigDef.Importance.MEDIUM,
        "Sets of allowed values, as comma-separated path:a|b|c entries. Strings compare as they"
            + " are, booleans as true/false, numbers by value (1, 1.0 and 1.00 all match 1)."
            + PRESENT_DOC + NO_COMMA_DOC + " Example: plan:free|pro|team",
        GROUP, ++order, ConfigDef.Width.LONG, "Allowed values");
    def.define(FIELDS_MAX_LENGTH, ConfigDef.Type.LIST, "",
        new RuleListValidator(MaxLengthRule::parse, "list of path:length"),
        ConfigDef.Importance.MEDIUM,
        "Maximum lengths, as comma-separated path:length entries: Unicode characters for"
            + " strings, bytes for bytes, elements for arrays." + PRESENT_DOC
            + " Example: user_id:64",
        GROUP, ++order, ConfigDef.Width.LONG, "Maximum lengths");
    return FailureConfig.define(def, 0);
  }

  /**
   * The rules in {@code props}, by kind in the order of {@code RULE_CONFIGS}, each kind in the
   * order given.
   *
   * @throws ConfigException if a value is invalid or no rule is configured
   */
  static FieldRules parse(Map<String, ?> props) {
    SimpleConfig config = new SimpleConfig(ValidateFields.CONFIG_DEF, props);
    List<FieldRule> rules = new ArrayList<>();
    for (String key : RULE_CONFIGS) {
      for (String entry : config.getList(key)) {
        rules.add(parseEntry(key, entry));
      }
    }
    if (rules.isEmpty()) {
      throw new ConfigException(
          "ValidateFields has no rules: set at least one of " + String.join(", ", RULE_CONFIGS));
    }
    return new FieldRules(rules);
  }

  private static FieldRule parseEntry(String key, String entry) {
    if (key.equals(FIELDS_REQUIRED)) {
      return new RequiredFieldRule(FieldPath.parse(entry));
    }
    if (key.equals(FIELDS_NOT_NULL)) {
      return new NotNullRule(FieldPath.parse(entry));
    }
    return ENTRY_PARSERS.get(key).apply(entry);
  }
}
