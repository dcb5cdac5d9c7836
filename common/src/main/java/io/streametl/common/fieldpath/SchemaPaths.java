package io.streametl.common.fieldpath;

import java.util.Optional;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;

/** Finds the schema of a (possibly nested) field in a struct schema. */
public final class SchemaPaths {

  private SchemaPaths() {}

  /**
   * The schema of the field at {@code path} in {@code root}, walking through nested struct
   * schemas; empty when a field on the way is missing or is not a struct.
   */
  public static Optional<Schema> find(Schema root, FieldPath path) {
    Schema current = root;
    for (String name : path.segments()) {
      if (current == null || current.type() != Schema.Type.STRUCT) {
        return Optional.empty();
      }
      Field field = current.field(name);
      if (field == null) {
        return Optional.empty();
      }
      current = field.schema();
    }
    return Optional.of(current);
  }
}
