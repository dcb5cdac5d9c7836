package io.streametl.smt.enrich;

import io.streametl.common.fieldpath.FieldPath;
import io.streametl.common.fieldpath.FieldPathValidator;
import io.streametl.common.fieldpath.FieldValue;
import io.streametl.common.fieldpath.MapValueWriter;
import io.streametl.common.fieldpath.StructSchemaExtender;
import io.streametl.common.fieldpath.StructValueWriter;
import io.streametl.smt.PartTransformation;
import io.streametl.smt.RecordPart;
import io.streametl.smt.SchemaCache;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.transforms.util.SimpleConfig;

/**
 * Derives a deterministic event id from chosen fields (a SHA-256 of their canonical encoding,
 * cut to 128 bits) and sets it as a field and/or the record key, so a sink downstream can drop
 * duplicates that differ only in Kafka position. The same field values give the same id in every
 * run and every release ({@link CanonicalEncoding}, version 1).
 *
 * @param <R> the record type
 */
public abstract class DeriveEventId<R extends ConnectRecord<R>> extends PartTransformation<R> {

  public static final String FIELDS_CONFIG = "fields";
  public static final String ID_FIELD_CONFIG = "id.field";
  public static final String ID_TO_KEY_CONFIG = "id.to.key";
  public static final String ID_FORMAT_CONFIG = "id.format";

  public static final String OVERVIEW_DOC =
      "Derives a deterministic event id from chosen fields of the record <code>value</code>"
          + " (<code>" + DeriveEventId.Value.class.getName() + "</code>) or <code>key</code>"
          + " (<code>" + DeriveEventId.Key.class.getName() + "</code>) and writes it to a field,"
          + " to the record key (as a string), or both, for dedup downstream. The id is the"
          + " first 128 bits of a SHA-256 over a canonical encoding of the fields in the given"
          + " order: a version byte, then each value with a type tag and a length, so"
          + " (\"ab\",\"c\") and (\"a\",\"bc\") differ; numbers are encoded by value (int32 7,"
          + " int64 7 and Decimal 7.00 agree, as do float64 12.5 and Decimal 12.50); structs and"
          + " maps by sorted entries; an absent field differs from a null one. The encoding is"
          + " fixed: ids stay the same across runs and releases. Struct values get an optional"
          + " string field (schema cached per input schema). Tombstones pass unchanged.";

  public static final ConfigDef CONFIG_DEF =
      new ConfigDef()
          .define(FIELDS_CONFIG, ConfigDef.Type.LIST, ConfigDef.NO_DEFAULT_VALUE,
              FieldPathValidator.list(), ConfigDef.Importance.HIGH,
              "The fields the id is derived from, in order, as comma-separated KIP-821 field"
                  + " paths. Changing the list or its order changes every id.",
              "Event id", 1, ConfigDef.Width.LONG, "Fields")
          .define(ID_FIELD_CONFIG, ConfigDef.Type.STRING, "_event_id",
              FieldPathValidator.optionalSingle(), ConfigDef.Importance.HIGH,
              "The field path that receives the id; empty to write none (then "
                  + ID_TO_KEY_CONFIG + " must be true).",
              "Event id", 2, ConfigDef.Width.MEDIUM, "Id field")
          .define(ID_TO_KEY_CONFIG, ConfigDef.Type.BOOLEAN, false, ConfigDef.Importance.MEDIUM,
              "Whether the id also becomes the record key (a string with a string schema), so"
                  + " duplicates land in one partition. Only for the Value variant.",
              "Event id", 3, ConfigDef.Width.SHORT, "Id as key")
          .define(ID_FORMAT_CONFIG, ConfigDef.Type.STRING, EventIdFormat.HEX.configName(),
              ConfigDef.ValidString.in(EventIdFormat.HEX.configName(),
                  EventIdFormat.UUID_V8.configName()),
              ConfigDef.Importance.LOW,
              "hex: 32 lowercase hex digits; uuid: the same bits as an RFC 9562 version 8 UUID"
                  + " string (version and variant bits set), for UUID columns.",
              "Event id", 4, ConfigDef.Width.SHORT, "Id format");

  private List<FieldPath> fields;
  private FieldPath idField;
  private boolean idToKey;
  private EventIdFormat format;
  private SchemaCache schemaCache;
  // A transform instance belongs to one task thread, so one digest is reused.
  private MessageDigest sha256;

  DeriveEventId(RecordPart part) {
    super(part);
  }

  @Override
  public void configure(Map<String, ?> props) {
    SimpleConfig config = new SimpleConfig(CONFIG_DEF, props);
    fields = FieldPath.parseAll(config.getList(FIELDS_CONFIG));
    if (fields.isEmpty()) {
      throw new ConfigException(FIELDS_CONFIG, "", "name at least one field to derive the id from");
    }
    String idFieldText = config.getString(ID_FIELD_CONFIG).trim();
    idField = idFieldText.isEmpty() ? null : FieldPath.parse(idFieldText);
    idToKey = config.getBoolean(ID_TO_KEY_CONFIG);
    if (idField == null && !idToKey) {
      throw new ConfigException(ID_FIELD_CONFIG, "",
          "the id goes nowhere: set " + ID_FIELD_CONFIG + " or " + ID_TO_KEY_CONFIG + "=true");
    }
    if (idToKey && part() == RecordPart.KEY) {
      throw new ConfigException(ID_TO_KEY_CONFIG, true,
          "the Key variant derives the id from the key; replacing that key is not supported."
              + " Use the Value variant, or write the id into a key field with " + ID_FIELD_CONFIG);
    }
    format = EventIdFormat.parse(config.getString(ID_FORMAT_CONFIG));
    schemaCache = new SchemaCache();
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** The id of the given field values, as this transform writes it. */
  String idOf(List<FieldValue> values) {
    byte[] digest = sha256.digest(CanonicalEncoding.encode(values));
    return format.format(Arrays.copyOf(digest, 16));
  }

  @Override
  protected R applyToStruct(R record, Struct data) {
    List<FieldValue> values = new ArrayList<>(fields.size());
    for (FieldPath field : fields) {
      values.add(field.lookup(data));
    }
    String id = idOf(values);
    R result = record;
    if (idField != null) {
      Schema updated = schemaCache.computeIfAbsent(data.schema(), schema ->
          StructSchemaExtender.withOptionalFields(schema, Map.of(idField, Schema.OPTIONAL_STRING_SCHEMA)));
      result = withData(record, updated, StructValueWriter.copyWith(data, updated, Map.of(idField, id)));
    }
    return idToKey ? withKey(result, id) : result;
  }

  @Override
  protected R applyToMap(R record, Map<String, Object> data) {
    List<FieldValue> values = new ArrayList<>(fields.size());
    for (FieldPath field : fields) {
      values.add(field.lookup(data));
    }
    String id = idOf(values);
    R result = record;
    if (idField != null) {
      result = withData(record, null, MapValueWriter.copyWith(data, Map.of(idField, id)));
    }
    return idToKey ? withKey(result, id) : result;
  }

  private R withKey(R record, String id) {
    return record.newRecord(record.topic(), record.kafkaPartition(), Schema.STRING_SCHEMA, id,
        record.valueSchema(), record.value(), record.timestamp());
  }

  @Override
  protected String purpose() {
    return "given an event id";
  }

  @Override
  public ConfigDef config() {
    return CONFIG_DEF;
  }

  @Override
  public void close() {
    schemaCache = null;
  }

  /** Derives the id from fields of the record key. */
  public static class Key<R extends ConnectRecord<R>> extends DeriveEventId<R> {
    public Key() {
      super(RecordPart.KEY);
    }
  }

  /** Derives the id from fields of the record value. */
  public static class Value<R extends ConnectRecord<R>> extends DeriveEventId<R> {
    public Value() {
      super(RecordPart.VALUE);
    }
  }
}
