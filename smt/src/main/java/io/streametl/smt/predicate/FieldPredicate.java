package io.streametl.smt.predicate;

import io.streametl.common.Version;
import io.streametl.common.fieldpath.FieldPath;
import io.streametl.common.fieldpath.FieldPathValidator;
import io.streametl.common.fieldpath.FieldValue;
import io.streametl.smt.RecordPart;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.transforms.predicates.Predicate;
import org.apache.kafka.connect.transforms.util.SimpleConfig;

/**
 * A predicate on one (possibly nested) field of the record key or value. A record whose part is
 * null, or is neither a Struct nor a Map, has no fields: every field predicate is false for it
 * (combine with {@code negate} for the opposite).
 *
 * @param <R> the record type
 */
public abstract class FieldPredicate<R extends ConnectRecord<R>> implements Predicate<R>, Versioned {

  public static final String FIELD_CONFIG = "field";

  private final RecordPart part;
  private FieldPath field;

  FieldPredicate(RecordPart part) {
    this.part = part;
  }

  /** The {@code field} config every field predicate starts with. */
  static ConfigDef baseConfigDef() {
    return new ConfigDef().define(FIELD_CONFIG, ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE,
        FieldPathValidator.optionalSingle(), ConfigDef.Importance.HIGH,
        "The field to test, as a KIP-821 field path (device.os, `app.version`).",
        "Field", 1, ConfigDef.Width.MEDIUM, "Field");
  }

  @Override
  public final void configure(Map<String, ?> props) {
    SimpleConfig config = new SimpleConfig(config(), props);
    String text = config.getString(FIELD_CONFIG).trim();
    if (text.isEmpty()) {
      throw new ConfigException(FIELD_CONFIG, "", "name the field to test");
    }
    field = FieldPath.parse(text);
    configureCondition(config);
  }

  /** Reads the predicate's own configs. */
  abstract void configureCondition(SimpleConfig config);

  /** Whether what the field path found satisfies the condition. */
  abstract boolean matches(FieldValue found);

  @Override
  public final boolean test(R record) {
    Object data = part.data(record);
    FieldValue found;
    if (data instanceof Struct) {
      found = field.lookup((Struct) data);
    } else if (data instanceof Map) {
      found = field.lookup((Map<?, ?>) data);
    } else {
      return false;
    }
    return matches(found);
  }

  @Override
  public String version() {
    return Version.get();
  }

  @Override
  public void close() {
    field = null;
  }
}
