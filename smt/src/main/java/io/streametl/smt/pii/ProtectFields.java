package io.streametl.smt.pii;

import io.streametl.common.fieldpath.FieldPath;
import io.streametl.common.fieldpath.FieldValue;
import io.streametl.common.fieldpath.MapValueWriter;
import io.streametl.common.fieldpath.SchemaPaths;
import io.streametl.common.fieldpath.StructSchemaExtender;
import io.streametl.common.fieldpath.StructValueWriter;
import io.streametl.common.fieldpath.ValueTypes;
import io.streametl.smt.PartTransformation;
import io.streametl.smt.RecordPart;
import io.streametl.smt.ScalarText;
import io.streametl.smt.SchemaCache;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

/**
 * Hashes (HMAC with a secret key) or masks personal data in chosen fields before it leaves the
 * pipeline. Errors name the field and what it should hold, never its value.
 *
 * @param <R> the record type
 */
public abstract class ProtectFields<R extends ConnectRecord<R>> extends PartTransformation<R> {

  public static final String HASH_FIELDS_CONFIG = "hash.fields";
  public static final String HASH_KEY_CONFIG = "hash.key";
  public static final String HASH_ALGORITHM_CONFIG = "hash.algorithm";
  public static final String MASK_FIELDS_CONFIG = "mask.fields";
  public static final String MASK_REPLACEMENT_CONFIG = "mask.replacement";
  public static final String MASK_KEEP_LAST_CONFIG = "mask.keep.last";

  public static final String OVERVIEW_DOC =
      "Protects personal data in fields of the record <code>value</code> (<code>"
          + ProtectFields.Value.class.getName() + "</code>) or <code>key</code> (<code>"
          + ProtectFields.Key.class.getName() + "</code>): hashed fields are replaced by an HMAC"
          + " of their value with a secret key (a PASSWORD config), so equal values still match"
          + " downstream; masked string fields are replaced by a fixed mask, optionally keeping"
          + " their last characters. Fields are KIP-821 field paths; absent fields are skipped."
          + " Struct values keep their schema where hashed fields are strings; other hashed"
          + " fields become optional strings in a derived schema (cached per input schema)."
          + " Tombstones pass unchanged.";

  public static final ConfigDef CONFIG_DEF = ProtectFieldsConfig.configDef();

  private ProtectFieldsConfig config;
  private SchemaCache schemaCache;

  ProtectFields(RecordPart part) {
    super(part);
  }

  @Override
  public void configure(Map<String, ?> props) {
    config = new ProtectFieldsConfig(props);
    schemaCache = new SchemaCache();
  }

  @Override
  protected R applyToStruct(R record, Struct data) {
    Schema updated = schemaCache.computeIfAbsent(data.schema(), this::deriveSchema);
    Map<FieldPath, Object> values = protect(data);
    if (values.isEmpty() && updated == data.schema()) {
      return record;
    }
    return withData(record, updated, StructValueWriter.copyWith(data, updated, values));
  }

  @Override
  protected R applyToMap(R record, Map<String, Object> data) {
    Map<FieldPath, Object> values = protect(data);
    return values.isEmpty() ? record : withData(record, null, MapValueWriter.copyWith(data, values));
  }

  private Schema deriveSchema(Schema schema) {
    Map<FieldPath, Schema> hashed = new LinkedHashMap<>();
    for (FieldPath path : config.hashFields()) {
      // A string field stays as it is (a hash is a string too); others become optional strings.
      SchemaPaths.find(schema, path)
          .filter(s -> s.type() != Schema.Type.STRING)
          .ifPresent(s -> hashed.put(path, Schema.OPTIONAL_STRING_SCHEMA));
    }
    return hashed.isEmpty() ? schema : StructSchemaExtender.withOptionalFields(schema, hashed);
  }

  private Map<FieldPath, Object> protect(Object data) {
    Map<FieldPath, Object> values = new LinkedHashMap<>();
    for (FieldPath path : config.hashFields()) {
      FieldValue found = lookup(data, path);
      if (found.isPresent() && !found.isNull()) {
        values.put(path, hash(path, found.value()));
      }
    }
    for (FieldPath path : config.maskFields()) {
      FieldValue found = lookup(data, path);
      if (found.isPresent() && !found.isNull()) {
        values.put(path, mask(path, found.value()));
      }
    }
    return values;
  }

  private static FieldValue lookup(Object data, FieldPath path) {
    return data instanceof Struct ? path.lookup((Struct) data) : path.lookup((Map<?, ?>) data);
  }

  private String hash(FieldPath path, Object value) {
    byte[] input;
    Optional<String> text = ScalarText.of(value);
    if (text.isPresent()) {
      input = text.get().getBytes(StandardCharsets.UTF_8);
    } else if (value instanceof byte[]) {
      input = (byte[]) value;
    } else if (value instanceof ByteBuffer) {
      ByteBuffer buffer = ((ByteBuffer) value).duplicate();
      input = new byte[buffer.remaining()];
      buffer.get(input);
    } else {
      throw new DataException(name() + ": field '" + path + "' must be a string, number, boolean"
          + " or bytes to be hashed but is " + ValueTypes.withArticle(ValueTypes.describe(value)));
    }
    // doFinal resets the MAC for the next value; one instance serves one task thread.
    return HexFormat.of().formatHex(config.mac().doFinal(input));
  }

  private String mask(FieldPath path, Object value) {
    if (!(value instanceof String)) {
      throw new DataException(name() + ": field '" + path + "' must be a string to be masked but"
          + " is " + ValueTypes.withArticle(ValueTypes.describe(value)));
    }
    String text = (String) value;
    int keep = config.keepLast();
    int codePoints = text.codePointCount(0, text.length());
    if (keep == 0 || codePoints <= keep) {
      return config.replacement();
    }
    return config.replacement() + text.substring(text.offsetByCodePoints(text.length(), -keep));
  }

  @Override
  protected String purpose() {
    return "protected";
  }

  @Override
  public ConfigDef config() {
    return CONFIG_DEF;
  }

  @Override
  public void close() {
    config = null;
    schemaCache = null;
  }

  /** Protects fields of the record key. */
  public static class Key<R extends ConnectRecord<R>> extends ProtectFields<R> {
    public Key() {
      super(RecordPart.KEY);
    }
  }

  /** Protects fields of the record value. */
  public static class Value<R extends ConnectRecord<R>> extends ProtectFields<R> {
    public Value() {
      super(RecordPart.VALUE);
    }
  }
}
