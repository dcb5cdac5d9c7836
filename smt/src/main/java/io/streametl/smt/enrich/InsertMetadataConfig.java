package io.streametl.smt.enrich;

import io.streametl.common.fieldpath.FieldPath;
import io.streametl.common.fieldpath.FieldPathValidator;
import io.streametl.common.fieldpath.PathPairs;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.transforms.util.SimpleConfig;

/** The configuration of {@link InsertMetadata}: which fields go where, checked together. */
final class InsertMetadataConfig {

  private static final String FIELDS_GROUP = "Fields";
  private static final String FORMAT_GROUP = "Format";

  private final Map<MetadataField, FieldPath> paths;
  private final Map<FieldPath, String> staticFields;
  private final Map<FieldPath, Schema> structSchemas;
  private final IngestTimeFormat ingestTimeFormat;

  /**
   * Reads and cross-checks {@code props}.
   *
   * @throws ConfigException if a value is invalid, two fields would collide, or every field is
   *     disabled
   */
  InsertMetadataConfig(Map<String, ?> props) {
    SimpleConfig config = new SimpleConfig(InsertMetadata.CONFIG_DEF, props);
    Map<MetadataField, FieldPath> enabled = new EnumMap<>(MetadataField.class);
    for (MetadataField field : MetadataField.values()) {
      String text = config.getString(field.configKey());
      if (!text.isEmpty()) {
        FieldPath path = FieldPath.parse(text);
        requireNoOverlap(field, path, enabled);
        enabled.put(field, path);
      }
    }
    Map<FieldPath, String> statics = new LinkedHashMap<>();
    for (String entry : config.getList(InsertMetadata.STATIC_FIELDS_CONFIG)) {
      Map.Entry<FieldPath, String> pair = parseStatic(entry);
      requireNoOverlap(pair.getKey(), enabled, statics);
      statics.put(pair.getKey(), pair.getValue());
    }
    if (enabled.isEmpty() && statics.isEmpty()) {
      throw new ConfigException(
          "InsertMetadata has nothing to insert: every field config is empty; set at least one of "
              + InsertMetadata.INGEST_TIME_FIELD_CONFIG + ", " + InsertMetadata.TOPIC_FIELD_CONFIG
              + ", " + InsertMetadata.PARTITION_FIELD_CONFIG + ", "
              + InsertMetadata.OFFSET_FIELD_CONFIG + ", " + InsertMetadata.STATIC_FIELDS_CONFIG);
    }
    this.paths = Collections.unmodifiableMap(enabled);
    this.staticFields = Collections.unmodifiableMap(statics);
    Map<FieldPath, Schema> schemas = new LinkedHashMap<>();
    enabled.forEach((field, path) -> schemas.put(path, field.schema()));
    statics.keySet().forEach(path -> schemas.put(path, Schema.OPTIONAL_STRING_SCHEMA));
    this.structSchemas = Collections.unmodifiableMap(schemas);
    this.ingestTimeFormat =
        IngestTimeFormat.parse(config.getString(InsertMetadata.INGEST_TIME_FORMAT_CONFIG));
  }

  private static void requireNoOverlap(
      MetadataField field, FieldPath path, Map<MetadataField, FieldPath> earlier) {
    earlier.forEach(
        (other, otherPath) -> {
          if (path.overlaps(otherPath)) {
            throw new ConfigException(
                field.configKey(),
                path.toString(),
                "collides with " + other.configKey() + "='" + otherPath + "': two metadata"
                    + " fields cannot share a path, and one cannot be nested inside the other");
          }
        });
  }

  private static Map.Entry<FieldPath, String> parseStatic(String entry) {
    try {
      return PathPairs.pathThenText(entry, "_meta.pipeline:orders-v2");
    } catch (ConfigException e) {
      throw new ConfigException(InsertMetadata.STATIC_FIELDS_CONFIG, entry, e.getMessage());
    }
  }

  private static void requireNoOverlap(
      FieldPath path, Map<MetadataField, FieldPath> metadata, Map<FieldPath, String> earlier) {
    metadata.forEach(
        (field, metadataPath) -> {
          if (path.overlaps(metadataPath)) {
            throw new ConfigException(
                InsertMetadata.STATIC_FIELDS_CONFIG, path.toString(),
                "collides with " + field.configKey() + "='" + metadataPath + "'");
          }
        });
    for (FieldPath other : earlier.keySet()) {
      if (path.overlaps(other)) {
        throw new ConfigException(
            InsertMetadata.STATIC_FIELDS_CONFIG, path.toString(),
            "collides with the static field '" + other + "'");
      }
    }
  }

  static ConfigDef configDef() {
    ConfigDef def = new ConfigDef();
    int order = 0;
    for (MetadataField field : MetadataField.values()) {
      def.define(
          field.configKey(),
          ConfigDef.Type.STRING,
          field.defaultPath(),
          FieldPathValidator.optionalSingle(),
          ConfigDef.Importance.MEDIUM,
          "Field path (KIP-821 syntax; nested paths such as _meta.topic allowed) that receives "
              + field.meaning() + ". Empty disables it. In Struct values the field is an optional "
              + schemaDescription(field.schema()) + ".",
          FIELDS_GROUP,
          ++order,
          ConfigDef.Width.MEDIUM,
          "Field for " + field.name().toLowerCase(Locale.ROOT).replace('_', ' '));
    }
    def.define(
        InsertMetadata.STATIC_FIELDS_CONFIG,
        ConfigDef.Type.LIST,
        "",
        new StaticFieldsValidator(),
        ConfigDef.Importance.MEDIUM,
        "Fields with fixed string values, as comma-separated path:value entries, e.g."
            + " _meta.pipeline:orders-v2,_meta.env:prod. The value is everything after the colon"
            + " that ends the path (it may contain colons, not commas). In Struct values each is"
            + " an optional string field.",
        FIELDS_GROUP,
        ++order,
        ConfigDef.Width.LONG,
        "Static fields");
    def.define(
        InsertMetadata.INGEST_TIME_FORMAT_CONFIG,
        ConfigDef.Type.STRING,
        IngestTimeFormat.EPOCH_MILLIS.configName(),
        new IngestTimeFormatValidator(),
        ConfigDef.Importance.LOW,
        "How the ingest time is written into schemaless (Map) values: epoch_millis (a Long),"
            + " iso8601 (a UTC string such as 2026-11-21T17:00:00.123Z) or timestamp (a"
            + " java.util.Date). Struct values always use Connect's Timestamp logical type.",
        FORMAT_GROUP,
        1,
        ConfigDef.Width.SHORT,
        "Ingest time format (schemaless)");
    return def;
  }

  private static String schemaDescription(Schema schema) {
    return schema.name() != null ? "Timestamp (int64 epoch milliseconds)" : schema.type().getName();
  }

  /** The enabled fields and where they go, in declaration order. */
  Map<MetadataField, FieldPath> paths() {
    return paths;
  }

  /** The static fields and their values, in the order given. */
  Map<FieldPath, String> staticFields() {
    return staticFields;
  }

  /** The enabled fields' Struct schemas by path, as {@code StructSchemaExtender} takes them. */
  Map<FieldPath, Schema> structSchemas() {
    return structSchemas;
  }

  IngestTimeFormat ingestTimeFormat() {
    return ingestTimeFormat;
  }

  /** Checks {@code static.fields} entries with the same parser the constructor uses. */
  private static final class StaticFieldsValidator implements ConfigDef.Validator {
    @Override
    public void ensureValid(String name, Object value) {
      if (value instanceof java.util.List) {
        for (Object entry : (java.util.List<?>) value) {
          parseStatic(String.valueOf(entry));
        }
      }
    }

    @Override
    public String toString() {
      return "list of path:value";
    }
  }

  /** Checks {@code ingest.time.format} with the same parser the constructor uses. */
  private static final class IngestTimeFormatValidator implements ConfigDef.Validator {
    @Override
    public void ensureValid(String name, Object value) {
      try {
        IngestTimeFormat.parse(String.valueOf(value));
      } catch (ConfigException e) {
        throw new ConfigException(name, value, e.getMessage());
      }
    }

    @Override
    public String toString() {
      return IngestTimeFormat.validNames();
    }
  }
}
