package io.streametl.smt.predicate;

import io.streametl.common.fieldpath.FieldValue;
import io.streametl.smt.RecordPart;
import io.streametl.smt.ScalarText;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.transforms.util.SimpleConfig;

/**
 * True when the field's text is one of a set of values.
 *
 * @param <R> the record type
 */
public abstract class FieldIn<R extends ConnectRecord<R>> extends FieldPredicate<R> {

  public static final String VALUES_CONFIG = "values";

  public static final String OVERVIEW_DOC =
      "A predicate that is true when a field of the record <code>value</code> (<code>"
          + FieldIn.Value.class.getName() + "</code>) or <code>key</code> (<code>"
          + FieldIn.Key.class.getName() + "</code>) is one of a set of values, compared as"
          + " FieldEquals compares (numbers by value). Absent and null fields, structs, maps and"
          + " arrays are never in the set.";

  public static final ConfigDef CONFIG_DEF = baseConfigDef()
      .define(VALUES_CONFIG, ConfigDef.Type.LIST, ConfigDef.NO_DEFAULT_VALUE,
          ConfigDef.Importance.HIGH,
          "The values, comma-separated (a value cannot contain a comma), e.g. eu-west,eu-central",
          "Field", 2, ConfigDef.Width.LONG, "Values");

  private Set<String> values;

  FieldIn(RecordPart part) {
    super(part);
  }

  @Override
  void configureCondition(SimpleConfig config) {
    List<String> list = config.getList(VALUES_CONFIG);
    if (list.isEmpty()) {
      throw new ConfigException(VALUES_CONFIG, "", "give at least one value");
    }
    values = Set.copyOf(list);
  }

  @Override
  boolean matches(FieldValue found) {
    return found.isPresent() && ScalarText.of(found.value()).map(values::contains).orElse(false);
  }

  @Override
  public ConfigDef config() {
    return CONFIG_DEF;
  }

  /** Tests a field of the record key. */
  public static class Key<R extends ConnectRecord<R>> extends FieldIn<R> {
    public Key() {
      super(RecordPart.KEY);
    }
  }

  /** Tests a field of the record value. */
  public static class Value<R extends ConnectRecord<R>> extends FieldIn<R> {
    public Value() {
      super(RecordPart.VALUE);
    }
  }
}
