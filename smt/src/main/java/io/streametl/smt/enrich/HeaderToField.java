package io.streametl.smt.enrich;

import io.streametl.common.fieldpath.FieldPath;
import io.streametl.common.fieldpath.MapValueWriter;
import io.streametl.common.fieldpath.PathPairs;
import io.streametl.common.fieldpath.StructSchemaExtender;
import io.streametl.common.fieldpath.StructValueWriter;
import io.streametl.smt.PartTransformation;
import io.streametl.smt.RecordPart;
import io.streametl.smt.SchemaCache;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Values;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.transforms.util.SimpleConfig;

/**
 * Copies record headers into (possibly nested) fields, as strings, so values such as a trace id
 * or a tenant that travel in headers reach the destination's rows.
 *
 * @param <R> the record type
 */
public abstract class HeaderToField<R extends ConnectRecord<R>> extends PartTransformation<R> {

  public static final String MAPPINGS_CONFIG = "header.mappings";

  public static final String OVERVIEW_DOC =
      "Copies headers into fields of the record <code>value</code> (<code>"
          + HeaderToField.Value.class.getName() + "</code>) or <code>key</code> (<code>"
          + HeaderToField.Key.class.getName() + "</code>). Each header's last value is written"
          + " as a string (Connect's own string form for numbers, booleans and structured"
          + " headers), or null when the record has no such header. Struct values get optional"
          + " string fields in a derived schema (cached per input schema); Maps get entries."
          + " Fields are KIP-821 field paths. Tombstones pass unchanged.";

  public static final ConfigDef CONFIG_DEF =
      new ConfigDef()
          .define(
              MAPPINGS_CONFIG,
              ConfigDef.Type.LIST,
              ConfigDef.NO_DEFAULT_VALUE,
              new MappingsValidator(),
              ConfigDef.Importance.HIGH,
              "Which header goes to which field, as comma-separated header:path entries; the"
                  + " header name ends at the first colon. Example:"
                  + " traceparent:_meta.trace,tenant:tenant_id",
              "Headers",
              1,
              ConfigDef.Width.LONG,
              "Header mappings");

  private Map<String, FieldPath> mappings;
  private Map<FieldPath, Schema> fieldSchemas;
  private SchemaCache schemaCache;

  HeaderToField(RecordPart part) {
    super(part);
  }

  @Override
  public void configure(Map<String, ?> props) {
    SimpleConfig config = new SimpleConfig(CONFIG_DEF, props);
    mappings = parse(config.getList(MAPPINGS_CONFIG));
    fieldSchemas = new LinkedHashMap<>();
    mappings.values().forEach(path -> fieldSchemas.put(path, Schema.OPTIONAL_STRING_SCHEMA));
    schemaCache = new SchemaCache();
  }

  static Map<String, FieldPath> parse(List<String> entries) {
    if (entries.isEmpty()) {
      throw new ConfigException(MAPPINGS_CONFIG, "", "give at least one header:path entry");
    }
    Map<String, FieldPath> parsed = new LinkedHashMap<>();
    for (String entry : entries) {
      Map.Entry<String, FieldPath> pair;
      try {
        pair = PathPairs.textThenPath(entry, "traceparent:_meta.trace");
      } catch (ConfigException e) {
        throw new ConfigException(MAPPINGS_CONFIG, entry, e.getMessage());
      }
      for (FieldPath earlier : parsed.values()) {
        if (earlier.overlaps(pair.getValue())) {
          throw new ConfigException(MAPPINGS_CONFIG, entry,
              "the field '" + pair.getValue() + "' collides with '" + earlier + "'");
        }
      }
      parsed.put(pair.getKey(), pair.getValue());
    }
    return parsed;
  }

  private Map<FieldPath, Object> headerValues(R record) {
    Map<FieldPath, Object> values = new LinkedHashMap<>();
    mappings.forEach((name, path) -> {
      Header header = record.headers().lastWithName(name);
      values.put(path, header == null || header.value() == null
          ? null : Values.convertToString(header.schema(), header.value()));
    });
    return values;
  }

  @Override
  protected R applyToStruct(R record, Struct data) {
    Schema updated = schemaCache.computeIfAbsent(
        data.schema(), schema -> StructSchemaExtender.withOptionalFields(schema, fieldSchemas));
    return withData(record, updated, StructValueWriter.copyWith(data, updated, headerValues(record)));
  }

  @Override
  protected R applyToMap(R record, Map<String, Object> data) {
    return withData(record, null, MapValueWriter.copyWith(data, headerValues(record)));
  }

  @Override
  protected String purpose() {
    return "enriched";
  }

  @Override
  public ConfigDef config() {
    return CONFIG_DEF;
  }

  @Override
  public void close() {
    schemaCache = null;
  }

  /** Checks mappings with the parser {@code configure()} uses. */
  private static final class MappingsValidator implements ConfigDef.Validator {
    @Override
    public void ensureValid(String name, Object value) {
      if (value instanceof List) {
        parse(((List<?>) value).stream().map(String::valueOf).toList());
      }
    }

    @Override
    public String toString() {
      return "non-empty list of header:path";
    }
  }

  /** Copies headers into the record key. */
  public static class Key<R extends ConnectRecord<R>> extends HeaderToField<R> {
    public Key() {
      super(RecordPart.KEY);
    }
  }

  /** Copies headers into the record value. */
  public static class Value<R extends ConnectRecord<R>> extends HeaderToField<R> {
    public Value() {
      super(RecordPart.VALUE);
    }
  }
}
