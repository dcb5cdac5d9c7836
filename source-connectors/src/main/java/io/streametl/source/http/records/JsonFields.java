package io.streametl.source.http.records;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.streametl.common.fieldpath.FieldPath;
import io.streametl.source.json.JsonValues;

/** Reads field paths in JSON objects. */
public final class JsonFields {

  private JsonFields() {}

  /** The value at the path, or a missing node if any step is absent or not an object. */
  public static JsonNode at(JsonNode record, FieldPath path) {
    JsonNode node = record;
    for (String segment : path.segments()) {
      if (!node.isObject()) {
        return MissingNode.getInstance();
      }
      node = node.path(segment);
    }
    return node;
  }

  /** Whether the path leads to a value other than null. */
  public static boolean hasValue(JsonNode node) {
    return !node.isMissingNode() && !node.isNull();
  }

  /** A key or identity text: strings as they are, other values as JSON. */
  public static String text(JsonNode node) {
    return JsonValues.text(node);
  }
}
