package io.streametl.common.fieldpath;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.connect.errors.DataException;

/**
 * Writes fields at paths into a schemaless (map) value. The caller's maps are never changed:
 * the root and every map on a written path are copied once, maps off the paths are shared.
 */
public final class MapValueWriter {

  private MapValueWriter() {}

  /**
   * A copy of {@code source} with each value put at its path, creating enclosing maps that are
   * missing or {@code null} and replacing fields that already exist.
   *
   * @param source the original value; {@code null} is read as an empty map
   * @param values what to write where; iteration order is the order of newly created keys
   * @throws IllegalArgumentException if one path leads into another
   * @throws DataException if an enclosing field on a path exists but is not a map
   */
  public static Map<String, Object> copyWith(Map<String, ?> source, Map<FieldPath, ?> values) {
    return write(source, PathTree.of(values));
  }

  private static Map<String, Object> write(Map<String, ?> source, PathTree<?> tree) {
    Map<String, Object> copy =
        source == null ? new LinkedHashMap<>() : new LinkedHashMap<String, Object>(source);
    for (var leaf : tree.leaves().entrySet()) {
      copy.put(leaf.getKey(), leaf.getValue().payload);
    }
    for (var branch : tree.branches().entrySet()) {
      Object enclosing = copy.get(branch.getKey());
      copy.put(branch.getKey(), write(asMap(enclosing, branch.getValue().path()), branch.getValue()));
    }
    return copy;
  }

  @SuppressWarnings("unchecked") // Connect's schemaless values are maps keyed by field name
  private static Map<String, ?> asMap(Object enclosing, FieldPath where) {
    if (enclosing == null || enclosing instanceof Map) {
      return (Map<String, ?>) enclosing;
    }
    throw new DataException(
        "Cannot write inside '" + where + "': it is "
            + ValueTypes.withArticle(ValueTypes.describe(enclosing)) + ", not a map");
  }
}
