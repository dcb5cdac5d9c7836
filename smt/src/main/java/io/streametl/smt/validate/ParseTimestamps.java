package io.streametl.smt.validate;

import io.streametl.common.fieldpath.FieldPath;
import io.streametl.common.fieldpath.FieldValue;
import io.streametl.common.fieldpath.MapValueWriter;
import io.streametl.common.fieldpath.SchemaPaths;
import io.streametl.common.fieldpath.StructSchemaExtender;
import io.streametl.common.fieldpath.StructValueWriter;
import io.streametl.common.fieldpath.ValueTypes;
import io.streametl.smt.RecordPart;
import io.streametl.smt.SchemaCache;
import io.streametl.smt.failure.ErrorProducerFactory;
import io.streametl.smt.failure.ValidatingTransformation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

/**
 * Parses timestamp fields written as text or epoch numbers (ISO-8601, RFC 1123, patterns, epoch
 * seconds/milliseconds/microseconds) into one form, in a configured time zone; a value no format
 * reads follows the failure policy, as a failed validation does.
 *
 * @param <R> the record type
 */
public abstract class ParseTimestamps<R extends ConnectRecord<R>>
    extends ValidatingTransformation<R> {

  public static final String FIELDS_CONFIG = "fields";
  public static final String FORMATS_CONFIG = "formats";
  public static final String TIMEZONE_CONFIG = "timezone";
  public static final String OUTPUT_CONFIG = "output";

  public static final String OVERVIEW_DOC =
      "Parses timestamp fields of the record <code>value</code> (<code>"
          + ParseTimestamps.Value.class.getName() + "</code>) or <code>key</code> (<code>"
          + ParseTimestamps.Key.class.getName() + "</code>) from strings (ISO-8601, RFC 1123,"
          + " java.time patterns, epoch seconds, milliseconds or microseconds as digits) or epoch"
          + " numbers into a Connect Timestamp, an ISO-8601 string with offset, or epoch"
          + " milliseconds. Texts without an offset are read in the configured time zone. Nested"
          + " fields are KIP-821 field paths; Struct values get a derived schema (cached per input"
          + " schema) in which the parsed fields are optional and of the output type. A value"
          + " that no format reads follows <code>on.failure</code> (fail with a DataException"
          + " naming the field and the formats tried, error topic, or drop), never showing the"
          + " value. Tombstones pass unless <code>on.tombstone=fail</code>.";

  public static final ConfigDef CONFIG_DEF = ParseTimestampsConfig.configDef();

  private ParseTimestampsConfig config;
  private String formatNames;
  private SchemaCache schemaCache;

  ParseTimestamps(RecordPart part, ErrorProducerFactory producerFactory) {
    super(part, producerFactory);
  }

  @Override
  protected void configureChecks(Map<String, ?> props) {
    config = new ParseTimestampsConfig(props);
    formatNames =
        config.formats().stream().map(TimestampFormat::name).collect(Collectors.joining(", "));
    schemaCache = new SchemaCache();
  }

  @Override
  protected R applyToStruct(R record, Struct data) {
    Schema schema = data.schema();
    Schema updatedSchema = schemaCache.computeIfAbsent(schema, this::deriveSchema);
    Map<FieldPath, Object> values = new LinkedHashMap<>();
    List<String> failures = new ArrayList<>();
    for (FieldPath path : config.fields()) {
      if (SchemaPaths.find(schema, path).isPresent()) {
        convert(path, path.lookup(data), values, failures);
      }
    }
    if (!failures.isEmpty()) {
      return reject(record, failures);
    }
    if (updatedSchema == schema) {
      return record;
    }
    return withData(record, updatedSchema, StructValueWriter.copyWith(data, updatedSchema, values));
  }

  @Override
  protected R applyToMap(R record, Map<String, Object> data) {
    Map<FieldPath, Object> values = new LinkedHashMap<>();
    List<String> failures = new ArrayList<>();
    for (FieldPath path : config.fields()) {
      convert(path, path.lookup(data), values, failures);
    }
    if (!failures.isEmpty()) {
      return reject(record, failures);
    }
    if (values.isEmpty()) {
      return record;
    }
    return withData(record, null, MapValueWriter.copyWith(data, values));
  }

  /** The schema with every configured field it has turned into the output type. */
  private Schema deriveSchema(Schema schema) {
    Map<FieldPath, Schema> replaced = new LinkedHashMap<>();
    for (FieldPath path : config.fields()) {
      if (SchemaPaths.find(schema, path).isPresent()) {
        replaced.put(path, config.output().schema());
      }
    }
    return replaced.isEmpty() ? schema : StructSchemaExtender.withOptionalFields(schema, replaced);
  }

  private void convert(
      FieldPath path, FieldValue found, Map<FieldPath, Object> values, List<String> failures) {
    if (!found.isPresent() || found.isNull()) {
      return;
    }
    Object value = found.value();
    Instant instant = null;
    if (value instanceof Date) {
      instant = ((Date) value).toInstant();
    } else if (value instanceof String) {
      instant = parseText((String) value);
    } else if (value instanceof Number) {
      instant = parseNumber((Number) value);
    } else {
      failures.add("field '" + path + "' must be a timestamp as text or a number but is "
          + ValueTypes.withArticle(ValueTypes.describe(value)));
      return;
    }
    if (instant == null) {
      failures.add("field '" + path + "' is " + ValueTypes.withArticle(ValueTypes.describe(value))
          + " that none of the formats " + formatNames + " reads");
      return;
    }
    values.put(path, config.output().value(instant, config.zone()));
  }

  private Instant parseText(String text) {
    for (TimestampFormat format : config.formats()) {
      Instant instant = format.parse(text, config.zone());
      if (instant != null) {
        return instant;
      }
    }
    return null;
  }

  private Instant parseNumber(Number number) {
    for (TimestampFormat format : config.formats()) {
      Instant instant = format.parse(number);
      if (instant != null) {
        return instant;
      }
    }
    return null;
  }

  @Override
  protected String purpose() {
    return "parsed";
  }

  @Override
  public ConfigDef config() {
    return CONFIG_DEF;
  }

  @Override
  public void close() {
    super.close();
    schemaCache = null;
  }

  /** Parses timestamps in the record key. */
  public static class Key<R extends ConnectRecord<R>> extends ParseTimestamps<R> {
    public Key() {
      this(ErrorProducerFactory.KAFKA);
    }

    Key(ErrorProducerFactory producerFactory) {
      super(RecordPart.KEY, producerFactory);
    }
  }

  /** Parses timestamps in the record value. */
  public static class Value<R extends ConnectRecord<R>> extends ParseTimestamps<R> {
    public Value() {
      this(ErrorProducerFactory.KAFKA);
    }

    Value(ErrorProducerFactory producerFactory) {
      super(RecordPart.VALUE, producerFactory);
    }
  }
}
