package io.streametl.smt.validate;

import com.networknt.schema.Schema;
import io.streametl.smt.failure.FailureConfig;
import io.streametl.smt.json.ConnectJson;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.transforms.util.SimpleConfig;

/** The configuration of {@link ValidateJsonSchema}: the compiled schema and how to convert. */
final class ValidateJsonSchemaConfig {

  private static final String GROUP = "Schema";

  private final Schema schema;
  private final ConnectJson.TimestampFormat timestampFormat;

  /**
   * Reads the configs and compiles the schema.
   *
   * @throws ConfigException if neither or both schema sources are given, the file cannot be read
   *     or the schema is invalid
   */
  ValidateJsonSchemaConfig(Map<String, ?> props) {
    SimpleConfig config = new SimpleConfig(ValidateJsonSchema.CONFIG_DEF, props);
    String inline = config.getString(ValidateJsonSchema.SCHEMA_INLINE_CONFIG).trim();
    String file = config.getString(ValidateJsonSchema.SCHEMA_FILE_CONFIG).trim();
    if (inline.isEmpty() == file.isEmpty()) {
      throw new ConfigException(
          "ValidateJsonSchema needs exactly one schema: set " + ValidateJsonSchema.SCHEMA_FILE_CONFIG
              + " or " + ValidateJsonSchema.SCHEMA_INLINE_CONFIG
              + (inline.isEmpty() ? "" : ", not both"));
    }
    String text =
        inline.isEmpty() ? JsonSchemaLoader.read(file, ValidateJsonSchema.SCHEMA_FILE_CONFIG) : inline;
    String where = inline.isEmpty() ? file : ValidateJsonSchema.SCHEMA_INLINE_CONFIG;
    this.schema =
        JsonSchemaLoader.compile(
            text,
            where,
            JsonSchemaLoader.draft(config.getString(ValidateJsonSchema.SCHEMA_DRAFT_CONFIG)),
            config.getBoolean(ValidateJsonSchema.FORMAT_ASSERTIONS_CONFIG));
    this.timestampFormat =
        ConnectJson.TimestampFormat.valueOf(
            config.getString(ValidateJsonSchema.TIMESTAMP_FORMAT_CONFIG)
                .trim().toUpperCase(Locale.ROOT).replace('.', '_'));
  }

  static ConfigDef configDef() {
    ConfigDef def = new ConfigDef();
    int order = 0;
    def.define(ValidateJsonSchema.SCHEMA_FILE_CONFIG, ConfigDef.Type.STRING, "",
        ConfigDef.Importance.HIGH,
        "Path of a JSON Schema file (UTF-8) on every worker. Set this or "
            + ValidateJsonSchema.SCHEMA_INLINE_CONFIG + ". Read once, when the transform is"
            + " configured (a task restart reads it again).",
        GROUP, ++order, ConfigDef.Width.LONG, "Schema file");
    def.define(ValidateJsonSchema.SCHEMA_INLINE_CONFIG, ConfigDef.Type.STRING, "",
        new InlineSchemaValidator(), ConfigDef.Importance.HIGH,
        "The JSON Schema itself, as JSON text. Set this or "
            + ValidateJsonSchema.SCHEMA_FILE_CONFIG + ". $ref to other resources is resolved"
            + " when the transform is configured; remote references are fetched then, so keep"
            + " schemas self-contained where workers have no internet access.",
        GROUP, ++order, ConfigDef.Width.LONG, "Inline schema");
    def.define(ValidateJsonSchema.SCHEMA_DRAFT_CONFIG, ConfigDef.Type.STRING,
        JsonSchemaLoader.DRAFT_2020_12,
        ConfigDef.ValidString.in(JsonSchemaLoader.DRAFT_2020_12, JsonSchemaLoader.DRAFT_7),
        ConfigDef.Importance.MEDIUM,
        "The draft of a schema that has no $schema keyword: 2020-12 or 7. A $schema keyword in"
            + " the schema takes precedence (drafts 4, 6, 7, 2019-09 and 2020-12 are known).",
        GROUP, ++order, ConfigDef.Width.SHORT, "Default draft");
    def.define(ValidateJsonSchema.FORMAT_ASSERTIONS_CONFIG, ConfigDef.Type.BOOLEAN, true,
        ConfigDef.Importance.LOW,
        "Whether the format keyword (date-time, email, uuid, ...) is checked. Draft 2020-12 makes"
            + " it an annotation only; most pipelines want it checked.",
        GROUP, ++order, ConfigDef.Width.SHORT, "Check formats");
    def.define(ValidateJsonSchema.TIMESTAMP_FORMAT_CONFIG, ConfigDef.Type.STRING, "iso8601",
        ConfigDef.ValidString.in("iso8601", "epoch.millis"), ConfigDef.Importance.LOW,
        "How Connect Timestamps (and java.util.Date values of Maps) are presented to the schema:"
            + " iso8601 (a string such as 2026-11-21T17:00:00Z, for \"format\": \"date-time\")"
            + " or epoch.millis (an integer, as JsonConverter writes them). Decimals are numbers,"
            + " Date and Time ISO strings, bytes base64 strings.",
        GROUP, ++order, ConfigDef.Width.SHORT, "Timestamps as");
    return FailureConfig.define(def, 0);
  }

  Schema schema() {
    return schema;
  }

  ConnectJson.TimestampFormat timestampFormat() {
    return timestampFormat;
  }

  /**
   * Checks an inline schema's JSON when the config is defined, so the REST validation reports a
   * typo on this field. Compiling waits for configure(), which knows the draft to read it as.
   */
  private static final class InlineSchemaValidator implements ConfigDef.Validator {
    @Override
    public void ensureValid(String name, Object value) {
      if (value == null || value.toString().isBlank()) {
        return;
      }
      try {
        JsonSchemaLoader.checkJson(value.toString(), name);
      } catch (ConfigException e) {
        throw new ConfigException(name, "(schema text)", e.getMessage());
      }
    }

    @Override
    public String toString() {
      return "empty, or a JSON Schema as JSON text";
    }
  }
}
