package io.streametl.smt.lookup;

import io.streametl.common.fieldpath.FieldPath;
import io.streametl.common.fieldpath.FieldValue;
import io.streametl.common.fieldpath.MapValueWriter;
import io.streametl.common.fieldpath.StructSchemaExtender;
import io.streametl.common.fieldpath.StructValueWriter;
import io.streametl.smt.PartTransformation;
import io.streametl.smt.RecordPart;
import io.streametl.smt.ScalarText;
import io.streametl.smt.SchemaCache;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

/**
 * Enriches records from reference data keyed by one of their fields: a CSV or JSON lines file
 * (reloaded when it changes) or a compacted Kafka topic (followed in the background).
 *
 * @param <R> the record type
 */
public abstract class Lookup<R extends ConnectRecord<R>> extends PartTransformation<R> {

  public static final String OVERVIEW_DOC =
      "Enriches the record <code>value</code> (<code>" + Lookup.Value.class.getName()
          + "</code>) or <code>key</code> (<code>" + Lookup.Key.class.getName() + "</code>) from"
          + " reference data keyed by one of its fields: a CSV or JSON lines file on every"
          + " worker, reloaded when it changes, or a compacted Kafka topic that each task reads"
          + " from the beginning and then follows in a background thread. Chosen columns of the"
          + " matching row are written to fields (KIP-821 paths) as strings. When no row matches:"
          + " leave the record, write defaults, or fail with a DataException that names the key"
          + " field, never the key. With a topic, the first lookup waits (bounded) until the"
          + " topic has been read up to where it ended at start. Struct values get optional"
          + " string fields (schema cached per input schema). Tombstones pass unchanged.";

  public static final ConfigDef CONFIG_DEF = LookupConfig.configDef();

  private final Clock clock;
  private final LookupConsumerFactory consumers;
  private LookupConfig config;
  private ReferenceTable table;
  private Map<FieldPath, Schema> fieldSchemas;
  private SchemaCache schemaCache;

  Lookup(RecordPart part, Clock clock, LookupConsumerFactory consumers) {
    super(part);
    this.clock = clock;
    this.consumers = consumers;
  }

  @Override
  public void configure(Map<String, ?> props) {
    config = new LookupConfig(props);
    fieldSchemas = new LinkedHashMap<>();
    config.columns().values().forEach(path -> fieldSchemas.put(path, Schema.OPTIONAL_STRING_SCHEMA));
    schemaCache = new SchemaCache();
    table = config.openTable(clock, consumers);
  }

  @Override
  protected R applyToStruct(R record, Struct data) {
    Map<FieldPath, Object> values = valuesFor(config.keyField().lookup(data));
    Schema updated = schemaCache.computeIfAbsent(
        data.schema(), schema -> StructSchemaExtender.withOptionalFields(schema, fieldSchemas));
    return withData(record, updated, StructValueWriter.copyWith(data, updated, values));
  }

  @Override
  protected R applyToMap(R record, Map<String, Object> data) {
    Map<FieldPath, Object> values = valuesFor(config.keyField().lookup(data));
    return values.isEmpty() ? record : withData(record, null, MapValueWriter.copyWith(data, values));
  }

  /** What to write for the key found; empty when nothing is written. */
  private Map<FieldPath, Object> valuesFor(FieldValue key) {
    String text = key.isPresent() ? ScalarText.of(key.value()).orElse(null) : null;
    Map<String, String> row = text == null ? null : table.row(text);
    Map<FieldPath, Object> values = new LinkedHashMap<>();
    if (row != null) {
      config.columns().forEach((column, path) -> values.put(path, row.get(column)));
      return values;
    }
    switch (config.missingKey()) {
      case DEFAULT:
        config.columns().forEach((column, path) -> values.put(path, config.defaults().get(column)));
        return values;
      case FAIL:
        throw new DataException(name() + ": no reference row in " + table.describe()
            + " for the key in field '" + config.keyField() + "'"
            + (key.isPresent() ? "" : " (the field is " + key.absenceReason() + ")"));
      default:
        return values;
    }
  }

  @Override
  protected String purpose() {
    return "enriched";
  }

  @Override
  public ConfigDef config() {
    return CONFIG_DEF;
  }

  /** Stops a topic's background reader. */
  @Override
  public void close() {
    if (table != null) {
      table.close();
      table = null;
    }
  }

  /** Enriches the record key. */
  public static class Key<R extends ConnectRecord<R>> extends Lookup<R> {
    public Key() {
      this(Clock.systemUTC(), LookupConsumerFactory.KAFKA);
    }

    Key(Clock clock, LookupConsumerFactory consumers) {
      super(RecordPart.KEY, clock, consumers);
    }
  }

  /** Enriches the record value. */
  public static class Value<R extends ConnectRecord<R>> extends Lookup<R> {
    public Value() {
      this(Clock.systemUTC(), LookupConsumerFactory.KAFKA);
    }

    Value(Clock clock, LookupConsumerFactory consumers) {
      super(RecordPart.VALUE, clock, consumers);
    }
  }
}
