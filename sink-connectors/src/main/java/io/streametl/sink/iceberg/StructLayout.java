package io.streametl.sink.iceberg;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.types.Types;
import org.apache.kafka.connect.data.ConnectSchema;
import org.apache.kafka.connect.data.Schema;

/**
 * One Iceberg struct type at one place in a table schema, prepared for converting many records:
 * its columns' paths (for error messages and nested structs) built once instead of concatenated
 * per record and column, an empty row to copy, and the {@link StructBinding} of each Connect
 * schema seen. Converters (JsonConverter's schema cache, the SMTs' schema caches) hand all records
 * of one schema the same Schema object, so bindings are cached by identity. Only {@link
 * ConnectSchema}s are cached: they are immutable, whereas a {@code SchemaBuilder} used as a schema
 * could still gain fields. The cache is bounded, so a source that builds a new schema object per
 * record costs a binding per record, never memory.
 */
final class StructLayout {

  static final int MAX_CACHED_SCHEMAS = 32;

  private final Types.StructType type;
  private final String prefix;
  private final Types.NestedField[] columns;
  private final String[] columnPaths;
  private final String[] nestedPrefixes;
  private final GenericRecord emptyRow;
  private final Map<Schema, StructBinding> bindings = new IdentityHashMap<>();

  /** @param prefix the path of the struct with a trailing '.', or "" for the table's top level */
  StructLayout(Types.StructType type, String prefix) {
    this.type = type;
    this.prefix = prefix;
    List<Types.NestedField> fields = type.fields();
    this.columns = fields.toArray(new Types.NestedField[0]);
    this.columnPaths = new String[columns.length];
    this.nestedPrefixes = new String[columns.length];
    for (int i = 0; i < columns.length; i++) {
      columnPaths[i] = prefix + columns[i].name();
      nestedPrefixes[i] = columnPaths[i] + ".";
    }
    this.emptyRow = GenericRecord.create(type);
  }

  Types.StructType type() {
    return type;
  }

  String prefix() {
    return prefix;
  }

  int size() {
    return columns.length;
  }

  Types.NestedField column(int index) {
    return columns[index];
  }

  /** The column's path for messages, e.g. {@code device.os}. */
  String columnPath(int index) {
    return columnPaths[index];
  }

  /** The prefix of the fields nested in the column, e.g. {@code device.}. */
  String nestedPrefix(int index) {
    return nestedPrefixes[index];
  }

  /** A new row of this type with no values, as {@code GenericRecord.create(type)} makes. */
  GenericRecord newRow() {
    return emptyRow.copy();
  }

  StructBinding binding(Schema schema) {
    if (!(schema instanceof ConnectSchema)) {
      return StructBinding.of(schema, type);
    }
    StructBinding binding = bindings.get(schema);
    if (binding == null) {
      if (bindings.size() >= MAX_CACHED_SCHEMAS) {
        bindings.clear();
      }
      binding = StructBinding.of(schema, type);
      bindings.put(schema, binding);
    }
    return binding;
  }

  /** Schemas with a cached binding (for tests). */
  int cachedSchemas() {
    return bindings.size();
  }
}
