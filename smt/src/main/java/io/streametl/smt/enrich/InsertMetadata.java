package io.streametl.smt.enrich;

import io.streametl.common.Version;
import io.streametl.common.fieldpath.FieldPath;
import io.streametl.common.fieldpath.MapValueWriter;
import io.streametl.common.fieldpath.StructSchemaExtender;
import io.streametl.common.fieldpath.StructValueWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.cache.Cache;
import org.apache.kafka.common.cache.LRUCache;
import org.apache.kafka.common.cache.SynchronizedCache;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.transforms.Transformation;
import org.apache.kafka.connect.transforms.util.Requirements;

/**
 * Adds where and when a record was ingested (ingest time, source topic, partition and offset) as
 * fields of its value or key, so rows in the destination can be traced back to Kafka.
 *
 * @param <R> the record type
 */
public abstract class InsertMetadata<R extends ConnectRecord<R>>
    implements Transformation<R>, Versioned {

  public static final String INGEST_TIME_FIELD_CONFIG = "ingest.time.field";
  public static final String TOPIC_FIELD_CONFIG = "topic.field";
  public static final String PARTITION_FIELD_CONFIG = "partition.field";
  public static final String OFFSET_FIELD_CONFIG = "offset.field";
  public static final String INGEST_TIME_FORMAT_CONFIG = "ingest.time.format";

  public static final String OVERVIEW_DOC =
      "Adds record metadata to the record "
          + "<code>value</code> (<code>" + InsertMetadata.Value.class.getName() + "</code>) or "
          + "<code>key</code> (<code>" + InsertMetadata.Key.class.getName() + "</code>): the"
          + " ingest time, and the Kafka topic, partition and offset the record came from. In sink"
          + " connectors these are the original topic, partition and offset, even after a routing"
          + " transform changed the topic; in source connectors partition and offset are null."
          + " Each field is a field path (nested paths such as <code>_meta.topic</code> allowed)"
          + " and can be disabled with an empty value. Struct data gets optional fields in a"
          + " derived schema (cached per input schema); schemaless Map data gets new entries."
          + " Existing fields with the same name are overwritten. A null value (a tombstone) or,"
          + " for the Key variant, a null key passes unchanged.";

  public static final ConfigDef CONFIG_DEF = InsertMetadataConfig.configDef();

  private static final String PURPOSE = "InsertMetadata: adding record metadata";
  private static final int SCHEMA_CACHE_SIZE = 16;

  private final Clock clock;
  private InsertMetadataConfig config;
  private Cache<Schema, Schema> schemaUpdateCache;

  protected InsertMetadata() {
    this(Clock.systemUTC());
  }

  /** For tests, which fix the ingest time. */
  InsertMetadata(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void configure(Map<String, ?> props) {
    config = new InsertMetadataConfig(props);
    schemaUpdateCache = new SynchronizedCache<>(new LRUCache<>(SCHEMA_CACHE_SIZE));
  }

  @Override
  public R apply(R record) {
    Object data = operatingValue(record);
    if (data == null) {
      return record;
    }
    RecordOrigin origin = RecordOrigin.of(record);
    // Millisecond precision, as Connect's Timestamp type has, so every format shows the same time.
    Instant ingestTime = Instant.ofEpochMilli(clock.millis());
    if (operatingSchema(record) == null) {
      return applySchemaless(record, data, origin, ingestTime);
    }
    return applyWithSchema(record, data, origin, ingestTime);
  }

  private R applySchemaless(R record, Object data, RecordOrigin origin, Instant ingestTime) {
    Map<String, Object> map = Requirements.requireMap(data, PURPOSE);
    Map<FieldPath, Object> values = new LinkedHashMap<>();
    IngestTimeFormat format = config.ingestTimeFormat();
    for (Map.Entry<MetadataField, FieldPath> field : config.paths().entrySet()) {
      values.put(field.getValue(), field.getKey().mapValue(origin, ingestTime, format));
    }
    return newRecord(record, null, MapValueWriter.copyWith(map, values));
  }

  private R applyWithSchema(R record, Object data, RecordOrigin origin, Instant ingestTime) {
    Struct struct = Requirements.requireStruct(data, PURPOSE);
    Schema updatedSchema = schemaUpdateCache.get(struct.schema());
    if (updatedSchema == null) {
      updatedSchema =
          StructSchemaExtender.withOptionalFields(struct.schema(), config.structSchemas());
      schemaUpdateCache.put(struct.schema(), updatedSchema);
    }
    Map<FieldPath, Object> values = new LinkedHashMap<>();
    for (Map.Entry<MetadataField, FieldPath> field : config.paths().entrySet()) {
      values.put(field.getValue(), field.getKey().structValue(origin, ingestTime));
    }
    Struct updated = StructValueWriter.copyWith(struct, updatedSchema, values);
    return newRecord(record, updatedSchema, updated);
  }

  @Override
  public ConfigDef config() {
    return CONFIG_DEF;
  }

  @Override
  public String version() {
    return Version.get();
  }

  @Override
  public void close() {
    schemaUpdateCache = null;
  }

  protected abstract Schema operatingSchema(R record);

  protected abstract Object operatingValue(R record);

  protected abstract R newRecord(R record, Schema updatedSchema, Object updatedValue);

  /** Adds the metadata to the record key. */
  public static class Key<R extends ConnectRecord<R>> extends InsertMetadata<R> {

    public Key() {}

    Key(Clock clock) {
      super(clock);
    }

    @Override
    protected Schema operatingSchema(R record) {
      return record.keySchema();
    }

    @Override
    protected Object operatingValue(R record) {
      return record.key();
    }

    @Override
    protected R newRecord(R record, Schema updatedSchema, Object updatedValue) {
      return record.newRecord(
          record.topic(),
          record.kafkaPartition(),
          updatedSchema,
          updatedValue,
          record.valueSchema(),
          record.value(),
          record.timestamp());
    }
  }

  /** Adds the metadata to the record value. */
  public static class Value<R extends ConnectRecord<R>> extends InsertMetadata<R> {

    public Value() {}

    Value(Clock clock) {
      super(clock);
    }

    @Override
    protected Schema operatingSchema(R record) {
      return record.valueSchema();
    }

    @Override
    protected Object operatingValue(R record) {
      return record.value();
    }

    @Override
    protected R newRecord(R record, Schema updatedSchema, Object updatedValue) {
      return record.newRecord(
          record.topic(),
          record.kafkaPartition(),
          record.keySchema(),
          record.key(),
          updatedSchema,
          updatedValue,
          record.timestamp());
    }
  }
}
