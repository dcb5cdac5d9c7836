package io.streametl.smt.validate;

import io.streametl.common.Version;
import io.streametl.common.fieldpath.ValueTypes;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.transforms.Transformation;

/**
 * Rejects records whose fields break the configured rules, by throwing a {@link DataException}.
 * With {@code errors.tolerance=all} Connect then routes the record to the dead-letter queue, with
 * the message in its error headers; the message names every failing field path and what was
 * expected, never the record's contents.
 *
 * @param <R> the record type
 */
public abstract class ValidateFields<R extends ConnectRecord<R>>
    implements Transformation<R>, Versioned {

  public static final String FIELDS_REQUIRED_CONFIG = "fields.required";
  public static final String FIELDS_TYPES_CONFIG = "fields.types";

  public static final String OVERVIEW_DOC =
      "Checks that fields of the record "
          + "<code>value</code> (<code>" + ValidateFields.Value.class.getName() + "</code>) or "
          + "<code>key</code> (<code>" + ValidateFields.Key.class.getName() + "</code>) "
          + "are present and have the expected types, for Struct and schemaless Map data alike."
          + " A record that breaks a rule fails with an error that lists every failing field and"
          + " rule, and never the data; with <code>errors.tolerance=all</code> and a dead-letter"
          + " queue topic, a sink connector sends such records to the dead-letter queue with the"
          + " reason in its error headers (errors.deadletterqueue.context.headers.enable=true);"
          + " a source connector, which has no dead-letter queue, drops them and logs the reason"
          + " when errors.log.enable=true."
          + " Valid records pass unchanged, as does a null value (a tombstone) or, for the Key"
          + " variant, a null key. A key or value that is neither a Struct nor a Map (e.g. a string left by"
          + " a converter that could not parse JSON) fails.";

  public static final ConfigDef CONFIG_DEF = ValidateFieldsConfig.configDef();

  private static final String NAME = "ValidateFields";

  private FieldRules rules;

  @Override
  public void configure(Map<String, ?> props) {
    rules = ValidateFieldsConfig.parse(props);
  }

  @Override
  public R apply(R record) {
    Object data = operatingValue(record);
    if (data == null) {
      return record;
    }
    List<String> violations;
    if (operatingSchema(record) == null) {
      violations = rules.violations(requireMap(data));
    } else {
      violations = validateWithSchema(data);
    }
    if (!violations.isEmpty()) {
      throw new DataException(
          NAME + ": record " + side() + " failed " + violations.size()
              + (violations.size() == 1 ? " rule: " : " rules: ") + String.join("; ", violations));
    }
    return record;
  }

  private List<String> validateWithSchema(Object data) {
    if (data instanceof Struct) {
      return rules.violations((Struct) data);
    }
    // A MAP schema still holds named entries that the rules can read.
    return rules.violations(requireMap(data));
  }

  private Map<?, ?> requireMap(Object data) {
    if (data instanceof Map) {
      return (Map<?, ?>) data;
    }
    throw new DataException(
        NAME + ": record " + side() + " is " + ValueTypes.withArticle(ValueTypes.describe(data))
            + ", not a Struct or Map, so it cannot be validated; check the " + side()
            + " converter");
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
    rules = null;
  }

  /** "key" or "value": the part of the record this variant checks, for messages. */
  protected abstract String side();

  protected abstract Schema operatingSchema(R record);

  protected abstract Object operatingValue(R record);

  /** Checks the record key. */
  public static class Key<R extends ConnectRecord<R>> extends ValidateFields<R> {
    @Override
    protected String side() {
      return "key";
    }

    @Override
    protected Schema operatingSchema(R record) {
      return record.keySchema();
    }

    @Override
    protected Object operatingValue(R record) {
      return record.key();
    }
  }

  /** Checks the record value. */
  public static class Value<R extends ConnectRecord<R>> extends ValidateFields<R> {
    @Override
    protected String side() {
      return "value";
    }

    @Override
    protected Schema operatingSchema(R record) {
      return record.valueSchema();
    }

    @Override
    protected Object operatingValue(R record) {
      return record.value();
    }
  }
}
