package io.streametl.smt.enrich;

import io.streametl.common.fieldpath.FieldPath;
import io.streametl.common.fieldpath.MapValueWriter;
import io.streametl.common.fieldpath.StructCopyPlan;
import io.streametl.common.fieldpath.StructSchemaExtender;
import io.streametl.common.fieldpath.StructValueWriter;
import io.streametl.smt.PartTransformation;
import io.streametl.smt.RecordOrigin;
import io.streametl.smt.RecordPart;
import io.streametl.smt.SchemaCache;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

/**
 * Adds where and when a record was ingested (ingest time, source topic, partition and offset) as
 * fields of its value or key, so rows in the destination can be traced back to Kafka.
 *
 * @param <R> the record type
 */
public abstract class InsertMetadata<R extends ConnectRecord<R>> extends PartTransformation<R> {

  public static final String INGEST_TIME_FIELD_CONFIG = "ingest.time.field";
  public static final String TOPIC_FIELD_CONFIG = "topic.field";
  public static final String PARTITION_FIELD_CONFIG = "partition.field";
  public static final String OFFSET_FIELD_CONFIG = "offset.field";
  public static final String STATIC_FIELDS_CONFIG = "static.fields";
  public static final String INGEST_TIME_FORMAT_CONFIG = "ingest.time.format";

  public static final String OVERVIEW_DOC =
      "Adds record metadata to the record "
          + "<code>value</code> (<code>" + InsertMetadata.Value.class.getName() + "</code>) or "
          + "<code>key</code> (<code>" + InsertMetadata.Key.class.getName() + "</code>): the"
          + " ingest time, and the Kafka topic, partition and offset the record came from. In sink"
          + " connectors these are the original topic, partition and offset, even after a routing"
          + " transform changed the topic; in source connectors partition and offset are null."
          + " Static fields with fixed string values can be added too (pipeline name,"
          + " environment)."
          + " Each field is a field path (nested paths such as <code>_meta.topic</code> allowed)"
          + " and can be disabled with an empty value. Struct data gets optional fields in a"
          + " derived schema (cached per input schema); schemaless Map data gets new entries."
          + " Existing fields with the same name are overwritten. A null value (a tombstone) or,"
          + " for the Key variant, a null key passes unchanged.";

  public static final ConfigDef CONFIG_DEF = InsertMetadataConfig.configDef();

  private final Clock clock;
  private InsertMetadataConfig config;
  private SchemaCache schemaCache;
  /** The metadata fields, then the static fields: the order of the values written per record. */
  private List<FieldPath> written;
  private MetadataField[] metadataFields;
  private Object[] staticValues;
  /** The last input schema and how its structs are copied; records of one schema reuse it. */
  private Derivation derivation;

  /** The schema derived from {@code input}, and the plan that copies into it, if one applies. */
  private record Derivation(Schema input, Schema output, StructCopyPlan plan) {}

  /** For tests, which fix the ingest time. */
  InsertMetadata(RecordPart part, Clock clock) {
    super(part);
    this.clock = clock;
  }

  @Override
  public void configure(Map<String, ?> props) {
    config = new InsertMetadataConfig(props);
    schemaCache = new SchemaCache();
    written = new ArrayList<>(config.paths().values());
    written.addAll(config.staticFields().keySet());
    metadataFields = config.paths().keySet().toArray(new MetadataField[0]);
    staticValues = config.staticFields().values().toArray();
    derivation = null;
  }

  /** Millisecond precision, as Connect's Timestamp type has, so every format shows one time. */
  private Instant now() {
    return Instant.ofEpochMilli(clock.millis());
  }

  @Override
  protected R applyToMap(R record, Map<String, Object> data) {
    RecordOrigin origin = RecordOrigin.of(record);
    Instant ingestTime = now();
    Map<FieldPath, Object> values = new LinkedHashMap<>();
    IngestTimeFormat format = config.ingestTimeFormat();
    for (Map.Entry<MetadataField, FieldPath> field : config.paths().entrySet()) {
      values.put(field.getValue(), field.getKey().mapValue(origin, ingestTime, format));
    }
    values.putAll(config.staticFields());
    return withData(record, null, MapValueWriter.copyWith(data, values));
  }

  @Override
  protected R applyToStruct(R record, Struct data) {
    RecordOrigin origin = RecordOrigin.of(record);
    Instant ingestTime = now();
    Derivation derived = derivation(data.schema());
    Object[] values = new Object[written.size()];
    for (int i = 0; i < metadataFields.length; i++) {
      values[i] = metadataFields[i].structValue(origin, ingestTime);
    }
    System.arraycopy(staticValues, 0, values, metadataFields.length, staticValues.length);
    if (derived.plan() != null) {
      return withData(record, derived.output(), derived.plan().copy(data, values));
    }
    Map<FieldPath, Object> byPath = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      byPath.put(written.get(i), values[i]);
    }
    return withData(record, derived.output(), StructValueWriter.copyWith(data, derived.output(), byPath));
  }

  /** Whether structs of {@code input} are copied through a plan (for tests). */
  boolean copiesByPlan(Schema input) {
    return derivation(input).plan() != null;
  }

  private Derivation derivation(Schema input) {
    Derivation last = derivation;
    if (last != null && last.input() == input) {
      return last;
    }
    Schema output = schemaCache.computeIfAbsent(
        input, schema -> StructSchemaExtender.withOptionalFields(schema, config.structSchemas()));
    derivation = new Derivation(input, output, StructCopyPlan.of(input, output, written).orElse(null));
    return derivation;
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
    derivation = null;
  }

  /** Adds the metadata to the record key. */
  public static class Key<R extends ConnectRecord<R>> extends InsertMetadata<R> {

    public Key() {
      this(Clock.systemUTC());
    }

    Key(Clock clock) {
      super(RecordPart.KEY, clock);
    }
  }

  /** Adds the metadata to the record value. */
  public static class Value<R extends ConnectRecord<R>> extends InsertMetadata<R> {

    public Value() {
      this(Clock.systemUTC());
    }

    Value(Clock clock) {
      super(RecordPart.VALUE, clock);
    }
  }
}
