package io.streametl.smt.enrich;

import io.streametl.common.fieldpath.FieldPath;
import io.streametl.common.fieldpath.FieldValue;
import io.streametl.common.fieldpath.SchemaPaths;
import io.streametl.smt.PartTransformation;
import io.streametl.smt.RecordPart;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Values;
import org.apache.kafka.connect.header.Headers;
import org.apache.kafka.connect.transforms.util.SimpleConfig;

/**
 * Copies (possibly nested) fields into record headers, with their Connect schema, so routing,
 * predicates and consumers can read them without parsing the value. Unlike Kafka's HeaderFrom it
 * reaches nested fields and schemaless values.
 *
 * @param <R> the record type
 */
public abstract class FieldToHeader<R extends ConnectRecord<R>> extends PartTransformation<R> {

  public static final String MAPPINGS_CONFIG = "field.mappings";
  public static final String REPLACE_CONFIG = "header.replace";

  public static final String OVERVIEW_DOC =
      "Copies fields of the record <code>value</code> (<code>"
          + FieldToHeader.Value.class.getName() + "</code>) or <code>key</code> (<code>"
          + FieldToHeader.Key.class.getName() + "</code>) into headers. Fields are KIP-821 field"
          + " paths, nested ones included; a header gets the field's schema (Struct values) or"
          + " a schema inferred from the value (Maps). An absent field adds no header; a null"
          + " field adds a null header. The key and value are left as they are. Tombstones pass"
          + " unchanged.";

  public static final ConfigDef CONFIG_DEF =
      new ConfigDef()
          .define(
              MAPPINGS_CONFIG,
              ConfigDef.Type.LIST,
              ConfigDef.NO_DEFAULT_VALUE,
              new MappingsValidator(),
              ConfigDef.Importance.HIGH,
              "Which field goes to which header, as comma-separated path:header entries; the"
                  + " header name is after the last colon. Example:"
                  + " device.os:x-device-os,region:x-region",
              "Headers",
              1,
              ConfigDef.Width.LONG,
              "Field mappings")
          .define(
              REPLACE_CONFIG,
              ConfigDef.Type.BOOLEAN,
              true,
              ConfigDef.Importance.LOW,
              "Whether headers with the same name are removed first, so each header has one"
                  + " value; false appends.",
              "Headers",
              2,
              ConfigDef.Width.SHORT,
              "Replace headers");

  private Map<FieldPath, String> mappings;
  private boolean replace;

  FieldToHeader(RecordPart part) {
    super(part);
  }

  @Override
  public void configure(Map<String, ?> props) {
    SimpleConfig config = new SimpleConfig(CONFIG_DEF, props);
    mappings = parse(config.getList(MAPPINGS_CONFIG));
    replace = config.getBoolean(REPLACE_CONFIG);
  }

  static Map<FieldPath, String> parse(List<String> entries) {
    if (entries.isEmpty()) {
      throw new ConfigException(MAPPINGS_CONFIG, "", "give at least one path:header entry");
    }
    Map<FieldPath, String> parsed = new LinkedHashMap<>();
    for (String entry : entries) {
      int colon = entry.lastIndexOf(':');
      if (colon <= 0 || entry.substring(colon + 1).isBlank()) {
        throw new ConfigException(MAPPINGS_CONFIG, entry,
            "expected path:header, e.g. device.os:x-device-os");
      }
      try {
        parsed.put(FieldPath.parse(entry.substring(0, colon).trim()),
            entry.substring(colon + 1).trim());
      } catch (ConfigException e) {
        throw new ConfigException(MAPPINGS_CONFIG, entry, e.getMessage());
      }
    }
    return parsed;
  }

  @Override
  protected R applyToStruct(R record, Struct data) {
    Headers headers = record.headers().duplicate();
    mappings.forEach((path, header) -> {
      FieldValue found = path.lookup(data);
      if (found.isPresent()) {
        Schema schema = SchemaPaths.find(data.schema(), path)
            .orElseGet(() -> Values.inferSchema(found.value()));
        put(headers, header, schema, found.value());
      }
    });
    return withHeaders(record, headers);
  }

  @Override
  protected R applyToMap(R record, Map<String, Object> data) {
    Headers headers = record.headers().duplicate();
    mappings.forEach((path, header) -> {
      FieldValue found = path.lookup(data);
      if (found.isPresent()) {
        put(headers, header, Values.inferSchema(found.value()), found.value());
      }
    });
    return withHeaders(record, headers);
  }

  private void put(Headers headers, String name, Schema schema, Object value) {
    if (replace) {
      headers.remove(name);
    }
    headers.add(name, value, schema);
  }

  private R withHeaders(R record, Headers headers) {
    return record.newRecord(
        record.topic(), record.kafkaPartition(), record.keySchema(), record.key(),
        record.valueSchema(), record.value(), record.timestamp(), headers);
  }

  /** Reads only: a Map with a MAP schema is read like a schemaless one. */
  @Override
  protected boolean readsOnly() {
    return true;
  }

  @Override
  protected String purpose() {
    return "read";
  }

  @Override
  public ConfigDef config() {
    return CONFIG_DEF;
  }

  @Override
  public void close() {
    mappings = null;
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
      return "non-empty list of path:header";
    }
  }

  /** Copies fields of the record key into headers. */
  public static class Key<R extends ConnectRecord<R>> extends FieldToHeader<R> {
    public Key() {
      super(RecordPart.KEY);
    }
  }

  /** Copies fields of the record value into headers. */
  public static class Value<R extends ConnectRecord<R>> extends FieldToHeader<R> {
    public Value() {
      super(RecordPart.VALUE);
    }
  }
}
