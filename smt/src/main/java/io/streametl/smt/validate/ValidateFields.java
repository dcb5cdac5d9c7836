package io.streametl.smt.validate;

import io.streametl.smt.RecordPart;
import io.streametl.smt.failure.ErrorProducerFactory;
import io.streametl.smt.failure.ValidatingTransformation;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Struct;

/**
 * Checks records against field rules (required, not null, type, range, regex, allowed values,
 * maximum length) and hands the ones that break a rule to the failure policy: by default a
 * {@code DataException} naming every failing field path and what was expected, never the record's
 * contents, so a sink's dead-letter queue receives the record with the reason in Connect's error
 * headers.
 *
 * @param <R> the record type
 */
public abstract class ValidateFields<R extends ConnectRecord<R>>
    extends ValidatingTransformation<R> {

  public static final String FIELDS_REQUIRED_CONFIG = "fields.required";
  public static final String FIELDS_NOT_NULL_CONFIG = "fields.not.null";
  public static final String FIELDS_TYPES_CONFIG = "fields.types";
  public static final String FIELDS_RANGE_CONFIG = "fields.range";
  public static final String FIELDS_REGEX_CONFIG = "fields.regex";
  public static final String FIELDS_ENUM_CONFIG = "fields.enum";
  public static final String FIELDS_MAX_LENGTH_CONFIG = "fields.max.length";

  public static final String OVERVIEW_DOC =
      "Checks fields of the record "
          + "<code>value</code> (<code>" + ValidateFields.Value.class.getName() + "</code>) or "
          + "<code>key</code> (<code>" + ValidateFields.Key.class.getName() + "</code>) "
          + "against rules without a schema file: required, not null, type, numeric range,"
          + " regular expression, allowed values and maximum length, for Struct and schemaless"
          + " Map data alike, with nested fields as KIP-821 field paths. A record that breaks a"
          + " rule follows <code>on.failure</code>: by default it fails with an error that lists"
          + " every failing field and rule, and never the data; with"
          + " <code>errors.tolerance=all</code> and a dead-letter queue topic, a sink connector"
          + " sends such records to the dead-letter queue with the reason in its error headers"
          + " (errors.deadletterqueue.context.headers.enable=true). Alternatively they go to an"
          + " error topic with the reasons in headers, or are dropped with a counted log line."
          + " Valid records pass unchanged, as does a null value (a tombstone) or, for the Key"
          + " variant, a null key, unless <code>on.tombstone=fail</code>. A key or value that is"
          + " neither a Struct nor a Map (e.g. a string left by a converter that could not parse"
          + " JSON) fails.";

  public static final ConfigDef CONFIG_DEF = ValidateFieldsConfig.configDef();

  private FieldRules rules;

  ValidateFields(RecordPart part, ErrorProducerFactory producerFactory) {
    super(part, producerFactory);
  }

  @Override
  protected void configureChecks(Map<String, ?> props) {
    rules = ValidateFieldsConfig.parse(props);
  }

  @Override
  protected R applyToStruct(R record, Struct data) {
    return outcome(record, rules.violations(data));
  }

  @Override
  protected R applyToMap(R record, Map<String, Object> data) {
    return outcome(record, rules.violations(data));
  }

  private R outcome(R record, List<String> violations) {
    return violations.isEmpty() ? record : reject(record, violations);
  }

  /** A Map with a MAP schema still holds named entries that the rules can read. */
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
    rules = null;
  }

  /** Checks the record key. */
  public static class Key<R extends ConnectRecord<R>> extends ValidateFields<R> {
    public Key() {
      this(ErrorProducerFactory.KAFKA);
    }

    Key(ErrorProducerFactory producerFactory) {
      super(RecordPart.KEY, producerFactory);
    }
  }

  /** Checks the record value. */
  public static class Value<R extends ConnectRecord<R>> extends ValidateFields<R> {
    public Value() {
      this(ErrorProducerFactory.KAFKA);
    }

    Value(ErrorProducerFactory producerFactory) {
      super(RecordPart.VALUE, producerFactory);
    }
  }
}
