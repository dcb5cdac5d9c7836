package io.streametl.common.fieldpath;

import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.errors.DataException;

/**
 * Derives a struct schema with optional fields added at (possibly nested) paths: the schema half
 * of adding fields to a {@code Struct}; {@link StructValueWriter} is the value half.
 *
 * <p>Deriving walks and rebuilds the schema, so callers cache the result per input schema, as
 * Kafka's own transforms do.
 */
public final class StructSchemaExtender {

  private StructSchemaExtender() {}

  /**
   * {@code base} with each schema added as a field at its path. Existing fields keep their order
   * and schema; an added field that already exists is replaced in place; enclosing structs that
   * do not exist are created as optional structs. Rebuilt structs keep the name, version, doc,
   * parameters and optionality of the original, but not a struct default value (it is a
   * {@code Struct} of the old schema); {@link StructValueWriter} copies defaults into the values.
   *
   * @param fields what to add where; every schema must be optional, so values written with the
   *     old schema stay valid
   * @throws IllegalArgumentException if a schema is not optional or one path leads into another
   * @throws DataException if {@code base} or an enclosing field on a path is not a struct
   */
  public static Schema withOptionalFields(Schema base, Map<FieldPath, Schema> fields) {
    if (base == null || base.type() != Schema.Type.STRUCT) {
      throw new DataException(
          "Cannot add fields to a " + (base == null ? "missing" : base.type().getName())
              + " schema: only struct schemas have fields");
    }
    for (Map.Entry<FieldPath, Schema> field : fields.entrySet()) {
      if (!field.getValue().isOptional()) {
        throw new IllegalArgumentException(
            "the schema added at '" + field.getKey() + "' must be optional, so values written"
                + " before it existed stay valid");
      }
    }
    return extend(base, PathTree.of(fields));
  }

  private static Schema extend(Schema base, PathTree<Schema> tree) {
    SchemaBuilder builder = base == null ? SchemaBuilder.struct().optional() : copyBasics(base);
    if (base != null) {
      for (Field field : base.fields()) {
        builder.field(field.name(), extendedField(field, tree));
      }
    }
    for (var leaf : tree.leaves().entrySet()) {
      if (base == null || base.field(leaf.getKey()) == null) {
        builder.field(leaf.getKey(), leaf.getValue().payload);
      }
    }
    for (var branch : tree.branches().entrySet()) {
      if (base == null || base.field(branch.getKey()) == null) {
        builder.field(branch.getKey(), extend(null, branch.getValue()));
      }
    }
    return builder.build();
  }

  private static Schema extendedField(Field field, PathTree<Schema> tree) {
    PathTree.Leaf<Schema> replacement = tree.leaves().get(field.name());
    if (replacement != null) {
      return replacement.payload;
    }
    PathTree<Schema> nested = tree.branches().get(field.name());
    if (nested == null) {
      return field.schema();
    }
    if (field.schema().type() != Schema.Type.STRUCT) {
      throw new DataException(
          "Cannot add a field inside '" + nested.path() + "': it is "
              + ValueTypes.withArticle(field.schema().type().getName()) + " field, not a struct");
    }
    return extend(field.schema(), nested);
  }

  private static SchemaBuilder copyBasics(Schema base) {
    SchemaBuilder builder = SchemaBuilder.struct().name(base.name()).version(base.version());
    builder.doc(base.doc());
    if (base.parameters() != null) {
      builder.parameters(base.parameters());
    }
    if (base.isOptional()) {
      builder.optional();
    }
    return builder;
  }
}
