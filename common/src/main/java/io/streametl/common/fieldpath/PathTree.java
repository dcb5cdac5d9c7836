package io.streametl.common.fieldpath;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Field paths to write, grouped by shared prefixes, so a writer rebuilds each enclosing struct or
 * map once however many fields it adds inside it.
 *
 * @param <T> what is written at each path: a value or a schema
 */
final class PathTree<T> {

  /** A field to write; {@code path} is the full path, kept for error messages. */
  static final class Leaf<T> {
    final FieldPath path;
    final T payload;

    Leaf(FieldPath path, T payload) {
      this.path = path;
      this.payload = payload;
    }
  }

  /** Where this node sits; {@code null} at the root. */
  private final FieldPath path;

  private final Map<String, PathTree<T>> branches = new LinkedHashMap<>();
  private final Map<String, Leaf<T>> leaves = new LinkedHashMap<>();

  private PathTree(FieldPath path) {
    this.path = path;
  }

  /**
   * Groups the entries by prefix.
   *
   * @throws IllegalArgumentException if one path leads into another, since a field cannot be
   *     both a written value and a struct holding another written field
   */
  static <T> PathTree<T> of(Map<FieldPath, ? extends T> entries) {
    PathTree<T> root = new PathTree<>(null);
    for (Map.Entry<FieldPath, ? extends T> entry : entries.entrySet()) {
      root.add(entry.getKey(), entry.getValue());
    }
    return root;
  }

  private void add(FieldPath target, T payload) {
    List<String> segments = target.segments();
    PathTree<T> node = this;
    for (String name : segments.subList(0, segments.size() - 1)) {
      Leaf<T> clash = node.leaves.get(name);
      if (clash != null) {
        throw overlap(clash.path, target);
      }
      FieldPath childPath = node.path == null ? FieldPath.of(name) : node.path.child(name);
      node = node.branches.computeIfAbsent(name, n -> new PathTree<>(childPath));
    }
    String leafName = target.leaf();
    PathTree<T> clash = node.branches.get(leafName);
    if (clash != null) {
      throw overlap(target, clash.anyLeafPath());
    }
    node.leaves.put(leafName, new Leaf<>(target, payload));
  }

  private FieldPath anyLeafPath() {
    if (!leaves.isEmpty()) {
      return leaves.values().iterator().next().path;
    }
    return branches.values().iterator().next().anyLeafPath();
  }

  private static IllegalArgumentException overlap(FieldPath outer, FieldPath inner) {
    return new IllegalArgumentException(
        "field paths overlap: '" + outer + "' is written as a value, but a field is also written"
            + " inside it at '" + inner + "'");
  }

  /** The path of this node, or {@code null} at the root. */
  FieldPath path() {
    return path;
  }

  /** Fields written directly in this node, by name, in the order they were given. */
  Map<String, Leaf<T>> leaves() {
    return leaves;
  }

  /** Nested nodes holding written fields, by name, in the order they were first given. */
  Map<String, PathTree<T>> branches() {
    return branches;
  }

  /** Whether a field with this name is written here or inside it. */
  boolean touches(String name) {
    return leaves.containsKey(name) || branches.containsKey(name);
  }

  /** Number of distinct names this node writes, directly or inside. */
  int size() {
    return leaves.size() + branches.size();
  }
}
