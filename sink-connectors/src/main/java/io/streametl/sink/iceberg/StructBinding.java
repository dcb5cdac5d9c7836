package io.streametl.sink.iceberg;

import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.types.Types;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;

/**
 * Which field of one Connect struct schema feeds each column of one Iceberg struct type, and
 * which fields of the schema have no column. Finding these by name costs a hash lookup per column
 * and per field of every record; resolved once per schema, a record's conversion only indexes
 * arrays.
 */
final class StructBinding {

  private final Field[] fieldOfColumn;
  private final Field[] fieldsWithoutColumn;

  private StructBinding(Field[] fieldOfColumn, Field[] fieldsWithoutColumn) {
    this.fieldOfColumn = fieldOfColumn;
    this.fieldsWithoutColumn = fieldsWithoutColumn;
  }

  static StructBinding of(Schema schema, Types.StructType type) {
    List<Types.NestedField> columns = type.fields();
    Field[] byColumn = new Field[columns.size()];
    for (int i = 0; i < byColumn.length; i++) {
      byColumn[i] = schema.field(columns.get(i).name());
    }
    List<Field> without = new ArrayList<>();
    for (Field field : schema.fields()) {
      if (type.field(field.name()) == null) {
        without.add(field);
      }
    }
    return new StructBinding(byColumn, without.toArray(new Field[0]));
  }

  /** The field feeding column {@code index} of the type (in {@code type.fields()} order), or null. */
  Field fieldOfColumn(int index) {
    return fieldOfColumn[index];
  }

  /** The schema's fields without a column, in schema order. */
  Field[] fieldsWithoutColumn() {
    return fieldsWithoutColumn;
  }
}
