package io.streametl.smt.predicate;

import io.streametl.common.fieldpath.FieldValue;
import io.streametl.smt.RecordPart;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.transforms.util.SimpleConfig;

/**
 * True when the field exists; whether a null value counts is configurable.
 *
 * @param <R> the record type
 */
public abstract class FieldExists<R extends ConnectRecord<R>> extends FieldPredicate<R> {

  public static final String NULL_COUNTS_CONFIG = "null.counts";

  public static final String OVERVIEW_DOC =
      "A predicate that is true when a field of the record <code>value</code> (<code>"
          + FieldExists.Value.class.getName() + "</code>) or <code>key</code> (<code>"
          + FieldExists.Key.class.getName() + "</code>) exists, on Struct and Map data; nested"
          + " fields are KIP-821 field paths. A field holding null counts as existing unless"
          + " <code>null.counts=false</code>. False for tombstones and for keys or values that"
          + " are neither a Struct nor a Map.";

  public static final ConfigDef CONFIG_DEF = baseConfigDef()
      .define(NULL_COUNTS_CONFIG, ConfigDef.Type.BOOLEAN, true, ConfigDef.Importance.LOW,
          "Whether a field that is present but null counts as existing.",
          "Field", 2, ConfigDef.Width.SHORT, "Null counts");

  private boolean nullCounts;

  FieldExists(RecordPart part) {
    super(part);
  }

  @Override
  void configureCondition(SimpleConfig config) {
    nullCounts = config.getBoolean(NULL_COUNTS_CONFIG);
  }

  @Override
  boolean matches(FieldValue found) {
    return found.isPresent() && (nullCounts || !found.isNull());
  }

  @Override
  public ConfigDef config() {
    return CONFIG_DEF;
  }

  /** Tests a field of the record key. */
  public static class Key<R extends ConnectRecord<R>> extends FieldExists<R> {
    public Key() {
      super(RecordPart.KEY);
    }
  }

  /** Tests a field of the record value. */
  public static class Value<R extends ConnectRecord<R>> extends FieldExists<R> {
    public Value() {
      super(RecordPart.VALUE);
    }
  }
}
