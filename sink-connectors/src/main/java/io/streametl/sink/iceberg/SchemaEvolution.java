package io.streametl.sink.iceberg;

import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.UpdateSchema;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evolves a table's schema so a record fits: fields without a column become new optional columns
 * (nested ones inside their struct), an int column widens to long and a float column to double.
 * Anything else (a string where a number was, a struct where a string was) is incompatible: the
 * record is rejected with the reason, and the table is left as it is.
 */
final class SchemaEvolution {

  private static final Logger LOG = LoggerFactory.getLogger(SchemaEvolution.class);

  private SchemaEvolution() {}

  /** One change the record needs: a new column under a parent, or a wider type for a column. */
  record Change(String parent, String name, Type type, boolean widen) {
    String path() {
      return parent == null ? name : parent + "." + name;
    }

    @Override
    public String toString() {
      return (widen ? "widen " : "add ") + path() + " " + type;
    }
  }

  /**
   * The changes that make the value fit the schema.
   *
   * @throws SchemaMismatchException if a field's type cannot be reached by widening its column
   */
  static List<Change> changesFor(Schema tableSchema, Object value) {
    Schema inferred = SchemaInference.fromValue(value);
    List<Change> changes = new ArrayList<>();
    compare(tableSchema.asStruct(), inferred.asStruct(), null, changes);
    return changes;
  }

  private static void compare(Types.StructType table, Types.StructType record, String parent, List<Change> changes) {
    for (Types.NestedField field : record.fields()) {
      Types.NestedField column = table.field(field.name());
      String path = parent == null ? field.name() : parent + "." + field.name();
      if (column == null) {
        changes.add(new Change(parent, field.name(), field.type(), false));
      } else if (column.type().isStructType() && field.type().isStructType()) {
        compare(column.type().asStructType(), field.type().asStructType(), path, changes);
      } else if (!fits(column.type(), field.type())) {
        Type widened = widened(column.type(), field.type());
        if (widened == null) {
          throw new SchemaMismatchException("column '" + path + "' is " + column.type() + " but the record has "
              + field.type() + "; that is not a widening Iceberg allows (int to long, float to double), so the "
              + "table is left unchanged");
        }
        changes.add(new Change(parent, field.name(), widened, true));
      }
    }
  }

  /** True when the converter writes a value of this type into the column as it is. */
  private static boolean fits(Type column, Type value) {
    if (column.equals(value)) {
      return true;
    }
    // An int column does not fit a long: schemaless integers carry no width, so the first long
    // value widens the column once rather than failing on the first value beyond int range.
    return switch (column.typeId()) {
      case DOUBLE -> value.typeId() == Type.TypeID.FLOAT || value.typeId() == Type.TypeID.LONG
          || value.typeId() == Type.TypeID.INTEGER;
      case DECIMAL -> value.typeId() == Type.TypeID.DOUBLE || value.typeId() == Type.TypeID.LONG
          || value.typeId() == Type.TypeID.DECIMAL;
      case TIMESTAMP -> value.typeId() == Type.TypeID.STRING || value.typeId() == Type.TypeID.LONG;
      case LIST -> value.isListType();
      case MAP -> value.isMapType() || value.isStructType();
      default -> false;
    };
  }

  private static Type widened(Type column, Type value) {
    if (column.typeId() == Type.TypeID.INTEGER && value.typeId() == Type.TypeID.LONG) {
      return Types.LongType.get();
    }
    if (column.typeId() == Type.TypeID.FLOAT
        && (value.typeId() == Type.TypeID.DOUBLE || value.typeId() == Type.TypeID.LONG)) {
      return Types.DoubleType.get();
    }
    return null;
  }

  /**
   * Applies the changes in one schema update. Another task may make the same change at the same
   * time; when the update fails, the refreshed table is checked again and only what is still
   * missing is retried.
   */
  static void apply(Table table, List<Change> changes) {
    for (int attempt = 1; ; attempt++) {
      table.refresh();
      List<Change> missing = stillMissing(table.schema(), changes);
      if (missing.isEmpty()) {
        return;
      }
      UpdateSchema update = table.updateSchema();
      for (Change change : missing) {
        if (change.widen()) {
          update.updateColumn(change.path(), change.type().asPrimitiveType());
        } else if (change.parent() == null) {
          update.addColumn(change.name(), change.type());
        } else {
          update.addColumn(change.parent(), change.name(), change.type());
        }
      }
      try {
        update.commit();
        LOG.info("Evolved the schema of {}: {}", table.name(), missing);
        return;
      } catch (RuntimeException e) {
        if (attempt >= 3) {
          throw e;
        }
        LOG.info("Schema update of {} collided with another writer; checking again ({})", table.name(), e.getMessage());
      }
    }
  }

  private static List<Change> stillMissing(Schema schema, List<Change> changes) {
    List<Change> missing = new ArrayList<>();
    for (Change change : changes) {
      Types.NestedField column = schema.findField(change.path());
      if (column == null || (change.widen() && !column.type().equals(change.type()))) {
        missing.add(change);
      }
    }
    return missing;
  }
}
