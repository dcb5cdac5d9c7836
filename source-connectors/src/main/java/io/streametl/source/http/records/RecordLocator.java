package io.streametl.source.http.records;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.streametl.source.http.paging.BadPageException;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the records in a response body: a JSON Pointer to an array, where a {@code *} segment
 * stands for every element of an array (or every value of an object). {@code /data/*}{@code /items}
 * collects the items of every element of data. Below a wildcard, elements without the path
 * contribute nothing; elsewhere a missing path is a bad response (a wrong pointer must not look
 * like an empty API).
 */
public final class RecordLocator {

  private static final String WILDCARD = "*";

  private final String pointer;
  private final List<String> segments = new ArrayList<>();

  public RecordLocator(String pointer) {
    this.pointer = pointer;
    JsonPointer rest = JsonPointer.compile(pointer);
    while (!rest.matches()) {
      segments.add(rest.getMatchingProperty());
      rest = rest.tail();
    }
  }

  /**
   * @throws BadPageException when the body has no array where the pointer leads
   */
  public List<JsonNode> locate(JsonNode body) {
    List<JsonNode> current = List.of(body);
    boolean belowWildcard = false;
    for (int depth = 0; depth < segments.size(); depth++) {
      String segment = segments.get(depth);
      List<JsonNode> next = new ArrayList<>();
      for (JsonNode node : current) {
        if (segment.equals(WILDCARD)) {
          if (node.isArray() || node.isObject()) {
            node.elements().forEachRemaining(next::add);
          } else if (!belowWildcard || !node.isNull()) {
            throw new BadPageException("records.pointer " + pointer + ": found " + kind(node)
                + " at " + prefix(depth) + ", where * needs an array or object");
          }
        } else {
          JsonNode child = node.isArray() ? node.path(index(segment)) : node.path(segment);
          if (child.isMissingNode() && !belowWildcard) {
            throw new BadPageException("records.pointer " + pointer + ": nothing at "
                + prefix(depth + 1));
          }
          if (!child.isMissingNode()) {
            next.add(child);
          }
        }
      }
      belowWildcard |= segment.equals(WILDCARD);
      current = next;
    }
    List<JsonNode> records = new ArrayList<>();
    for (JsonNode node : current) {
      if (node.isArray()) {
        node.elements().forEachRemaining(records::add);
      } else if (!node.isNull()) {
        throw new BadPageException("records.pointer " + pointer + " leads to " + kind(node)
            + ", not an array of records");
      }
    }
    return records;
  }

  private static int index(String segment) {
    try {
      return Integer.parseInt(segment);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private String prefix(int depth) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < depth; i++) {
      out.append('/').append(segments.get(i).replace("~", "~0").replace("/", "~1"));
    }
    return out.length() == 0 ? "the root" : out.toString();
  }

  static String kind(JsonNode node) {
    switch (node.getNodeType()) {
      case OBJECT:
        return "an object";
      case ARRAY:
        return "an array";
      case STRING:
        return "a string";
      case NUMBER:
        return "a number";
      case BOOLEAN:
        return "a boolean";
      case NULL:
        return "null";
      default:
        return "nothing";
    }
  }
}
