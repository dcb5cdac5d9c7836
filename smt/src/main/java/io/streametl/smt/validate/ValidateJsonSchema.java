package io.streametl.smt.validate;

import com.networknt.schema.Schema;
import io.streametl.smt.RecordPart;
import io.streametl.smt.failure.ErrorProducerFactory;
import io.streametl.smt.failure.ValidatingTransformation;
import io.streametl.smt.json.ConnectJson;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Struct;

/**
 * Validates the record key or value against a JSON Schema (drafts 7 and 2020-12, with the
 * networknt validator), on Struct, Map and any other Connect value; records that fail follow the
 * shared failure policy with reasons that give the JSON pointer and the rule, never the data.
 *
 * @param <R> the record type
 */
public abstract class ValidateJsonSchema<R extends ConnectRecord<R>>
    extends ValidatingTransformation<R> {

  public static final String SCHEMA_FILE_CONFIG = "schema.file";
  public static final String SCHEMA_INLINE_CONFIG = "schema.inline";
  public static final String SCHEMA_DRAFT_CONFIG = "schema.draft";
  public static final String FORMAT_ASSERTIONS_CONFIG = "schema.format.assertions";
  public static final String TIMESTAMP_FORMAT_CONFIG = "timestamp.format";

  public static final String OVERVIEW_DOC =
      "Validates the record <code>value</code> (<code>" + ValidateJsonSchema.Value.class.getName()
          + "</code>) or <code>key</code> (<code>" + ValidateJsonSchema.Key.class.getName()
          + "</code>) against a JSON Schema (draft 2020-12 or 7; a $schema keyword picks any"
          + " draft from 4 on), given inline or as a file. Struct values are presented to the"
          + " schema as JSON (Decimal as a number, Timestamp as an ISO-8601 string or epoch"
          + " milliseconds, bytes as base64); schemaless Maps, strings and numbers as they are."
          + " A record that fails follows <code>on.failure</code>: a DataException listing, for"
          + " each failure, the JSON pointer, the rule and the schema location (so a sink's"
          + " dead-letter queue gets the record with Connect's error headers), a write to an"
          + " error topic with the reasons in headers, or a counted drop. Messages never contain"
          + " the data. Valid records pass unchanged; tombstones pass unless"
          + " <code>on.tombstone=fail</code>.";

  public static final ConfigDef CONFIG_DEF = ValidateJsonSchemaConfig.configDef();

  private Schema schema;
  private String schemaIri;
  private ConnectJson json;

  ValidateJsonSchema(RecordPart part, ErrorProducerFactory producerFactory) {
    super(part, producerFactory);
  }

  @Override
  protected void configureChecks(Map<String, ?> props) {
    ValidateJsonSchemaConfig config = new ValidateJsonSchemaConfig(props);
    schema = config.schema();
    schemaIri =
        schema.getSchemaLocation().getAbsoluteIri() == null
            ? null
            : schema.getSchemaLocation().getAbsoluteIri().toString();
    json = new ConnectJson(config.timestampFormat());
  }

  @Override
  protected R applyToStruct(R record, Struct data) {
    return validate(record, data);
  }

  @Override
  protected R applyToMap(R record, Map<String, Object> data) {
    return validate(record, data);
  }

  /** A JSON Schema can describe any JSON value, so strings and numbers are validated too. */
  @Override
  protected R applyToOther(R record, Object data) {
    return validate(record, data);
  }

  private R validate(R record, Object data) {
    List<com.networknt.schema.Error> errors =
        schema.validate(json.toTree(part().schema(record), data));
    return errors.isEmpty() ? record : reject(record, JsonSchemaReasons.of(errors, schemaIri));
  }

  @Override
  protected boolean readsOnly() {
    return true;
  }

  @Override
  protected String purpose() {
    return "validated";
  }

  @Override
  public ConfigDef config() {
    return CONFIG_DEF;
  }

  @Override
  public void close() {
    super.close();
    schema = null;
  }

  /** Validates the record key. */
  public static class Key<R extends ConnectRecord<R>> extends ValidateJsonSchema<R> {
    public Key() {
      this(ErrorProducerFactory.KAFKA);
    }

    Key(ErrorProducerFactory producerFactory) {
      super(RecordPart.KEY, producerFactory);
    }
  }

  /** Validates the record value. */
  public static class Value<R extends ConnectRecord<R>> extends ValidateJsonSchema<R> {
    public Value() {
      this(ErrorProducerFactory.KAFKA);
    }

    Value(ErrorProducerFactory producerFactory) {
      super(RecordPart.VALUE, producerFactory);
    }
  }
}
