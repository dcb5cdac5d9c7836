package io.streametl.common.fieldpath;

import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

/**
 * Copies a {@code Struct} into a schema derived by {@link StructSchemaExtender} and writes values
 * at paths in the copy. The source is never changed: every struct on a written path is rebuilt.
 */
public final class StructValueWriter {

  private StructValueWriter() {}

  /**
   * A struct of schema {@code target} holding {@code source}'s fields (matched by name) and each
   * value at its path. Enclosing structs missing in the source are created.
   *
   * @param source the original value; {@code null} yields a struct with only the written fields
   * @param target a schema with every written path, usually from {@link StructSchemaExtender}
   * @throws IllegalArgumentException if one path leads into another
   * @throws DataException if {@code target} lacks a written field, or a value does not match its
   *     field's schema
   */
  public static Struct copyWith(Struct source, Schema target, Map<FieldPath, ?> values) {
    return write(source, target, PathTree.of(values));
  }

  private static Struct write(Struct source, Schema target, PathTree<?> tree) {
    Struct copy = new Struct(target);
    int written = 0;
    boolean writesHere = tree.size() > 0;
    for (Field field : target.fields()) {
      // Most fields are only copied: look them up in the tree only when it writes here.
      PathTree.Leaf<?> leaf = writesHere ? tree.leaves().get(field.name()) : null;
      PathTree<?> nested = writesHere && leaf == null ? tree.branches().get(field.name()) : null;
      if (leaf != null) {
        copy.put(field, leaf.payload);
        written++;
      } else if (nested != null) {
        copy.put(field, write(enclosingStruct(source, field.name(), nested), field.schema(), nested));
        written++;
      } else if (source != null) {
        Field sourceField = source.schema().field(field.name());
        if (sourceField != null) {
          copy.put(field, copiedValue(source, sourceField, field));
        }
      }
    }
    if (written != tree.size()) {
      throw new DataException(
          "Cannot write every field: the target schema lacks some of them under '"
              + (tree.path() == null ? "(root)" : tree.path().toString())
              + "'; derive the target schema with StructSchemaExtender from the same paths");
    }
    return copy;
  }

  private static Object copiedValue(Struct source, Field sourceField, Field targetField) {
    // By index, the cheap way; it applies the field's default to a null.
    Object value = source.get(sourceField);
    if (value != null && sourceField.schema().defaultValue() != null
        && targetField.schema().isOptional()) {
      // Keep a null as null where the target allows it, rather than materialising the default.
      value = source.getWithoutDefault(sourceField.name());
    }
    if (value instanceof Struct && !((Struct) value).schema().equals(targetField.schema())) {
      // The caller's target reshaped this struct: convert it field by field.
      return write((Struct) value, targetField.schema(), PathTree.of(Map.of()));
    }
    return value;
  }

  private static Struct enclosingStruct(Struct source, String name, PathTree<?> nested) {
    if (source == null || source.schema().field(name) == null) {
      return null;
    }
    Object value = source.get(name);
    if (value == null || value instanceof Struct) {
      return (Struct) value;
    }
    throw new DataException(
        "Cannot write inside '" + nested.path() + "': it is "
            + ValueTypes.withArticle(ValueTypes.describe(value)) + ", not a struct");
  }
}
