package io.streametl.smt.predicate;

import io.streametl.common.fieldpath.FieldValue;
import io.streametl.smt.RecordPart;
import io.streametl.smt.ScalarText;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.transforms.util.SimpleConfig;

/**
 * True when the field's text equals a value.
 *
 * @param <R> the record type
 */
public abstract class FieldEquals<R extends ConnectRecord<R>> extends FieldPredicate<R> {

  public static final String VALUE_CONFIG = "value";

  public static final String OVERVIEW_DOC =
      "A predicate that is true when a field of the record <code>value</code> (<code>"
          + FieldEquals.Value.class.getName() + "</code>) or <code>key</code> (<code>"
          + FieldEquals.Key.class.getName() + "</code>) equals a value. Strings compare as they"
          + " are (case-sensitive), booleans as true/false, numbers by value (7, 7.0 and 7.00"
          + " all equal 7). Absent and null fields, structs, maps and arrays never match. Nested"
          + " fields are KIP-821 field paths.";

  public static final ConfigDef CONFIG_DEF = baseConfigDef()
      .define(VALUE_CONFIG, ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE,
          ConfigDef.Importance.HIGH, "The value the field must equal, as text.",
          "Field", 2, ConfigDef.Width.MEDIUM, "Value");

  private String expected;

  FieldEquals(RecordPart part) {
    super(part);
  }

  @Override
  void configureCondition(SimpleConfig config) {
    expected = config.getString(VALUE_CONFIG);
  }

  @Override
  boolean matches(FieldValue found) {
    return found.isPresent() && ScalarText.of(found.value()).map(expected::equals).orElse(false);
  }

  @Override
  public ConfigDef config() {
    return CONFIG_DEF;
  }

  /** Tests a field of the record key. */
  public static class Key<R extends ConnectRecord<R>> extends FieldEquals<R> {
    public Key() {
      super(RecordPart.KEY);
    }
  }

  /** Tests a field of the record value. */
  public static class Value<R extends ConnectRecord<R>> extends FieldEquals<R> {
    public Value() {
      super(RecordPart.VALUE);
    }
  }
}
