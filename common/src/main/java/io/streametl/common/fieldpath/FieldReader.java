package io.streametl.common.fieldpath;

import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;

/** Walks a {@link FieldPath} through nested structs and maps. */
final class FieldReader {

  private FieldReader() {}

  static FieldValue read(Object root, FieldPath path) {
    if (root == null) {
      return FieldValue.absent("missing: the record has no value to look in");
    }
    if (root instanceof Struct struct) {
      StructRoute route = path.route();
      Object value = route == null ? StructRoute.OFF_ROUTE : route.follow(struct);
      if (value != StructRoute.OFF_ROUTE) {
        return FieldValue.present(value);
      }
      FieldValue found = walk(root, path);
      if (found.isPresent()) {
        path.route(StructRoute.trace(struct, path.segments()));
      }
      return found;
    }
    return walk(root, path);
  }

  private static FieldValue walk(Object root, FieldPath path) {
    List<String> segments = path.segments();
    Object current = root;
    for (int i = 0; i < segments.size(); i++) {
      String name = segments.get(i);
      boolean isLeaf = i == segments.size() - 1;
      if (current instanceof Struct) {
        Struct struct = (Struct) current;
        Field field = struct.schema().field(name);
        if (field == null) {
          return missingAt(segments, i);
        }
        // Struct.get applies the field's default, as a converter writing the record would.
        current = struct.get(field);
      } else if (current instanceof Map) {
        Map<?, ?> map = (Map<?, ?>) current;
        if (!map.containsKey(name)) {
          return missingAt(segments, i);
        }
        current = map.get(name);
      } else {
        // Only reachable past the root, when an enclosing field is a scalar or null.
        return blockedAt(segments, i - 1, current);
      }
      if (isLeaf) {
        return FieldValue.present(current);
      }
    }
    throw new AssertionError("a field path has at least one segment");
  }

  private static FieldValue missingAt(List<String> segments, int index) {
    if (index == segments.size() - 1) {
      return FieldValue.absent("missing");
    }
    return FieldValue.absent("missing: '" + prefix(segments, index) + "' is missing");
  }

  private static FieldValue blockedAt(List<String> segments, int index, Object found) {
    FieldPath where = prefix(segments, index);
    if (found == null) {
      return FieldValue.absent("missing: '" + where + "' is null");
    }
    return FieldValue.absent(
        "missing: '" + where + "' is " + ValueTypes.withArticle(ValueTypes.describe(found))
            + ", not a struct or map");
  }

  private static FieldPath prefix(List<String> segments, int lastIndex) {
    return FieldPath.of(segments.subList(0, lastIndex + 1));
  }
}
