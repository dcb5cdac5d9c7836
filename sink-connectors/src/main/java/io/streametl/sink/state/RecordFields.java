package io.streametl.sink.state;

import io.streametl.common.fieldpath.FieldPath;
import io.streametl.common.fieldpath.FieldValue;
import io.streametl.common.fieldpath.ValueTypes;
import java.util.Map;
import org.apache.kafka.connect.data.Struct;

/** Looks up field paths in a record value, schema'd ({@link Struct}) or schemaless ({@link Map}). */
public final class RecordFields {

  private RecordFields() {}

  /** The field at {@code path}; absent (with a reason that names no value) if the value is neither. */
  public static FieldValue lookup(Object recordValue, FieldPath path) {
    if (recordValue instanceof Struct struct) {
      return path.lookup(struct);
    }
    if (recordValue instanceof Map<?, ?> map) {
      return path.lookup(map);
    }
    return FieldValue.absent(recordValue == null
        ? "missing: the record has no value"
        : "missing: the record value is " + ValueTypes.withArticle(ValueTypes.describe(recordValue))
            + ", not a struct or map");
  }
}
