package io.streametl.source.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The type of JSON values seen so far at one place in the records, which decides the inferred
 * Connect schema. Types only widen when merged: int with float is float, any other clash is a
 * string (the value's JSON text), and a struct gains the fields of both. A place that held only
 * nulls (or empty arrays) has type UNKNOWN and gets no field until a value shows its type.
 */
final class JsonType {

  enum Kind { UNKNOWN, BOOLEAN, INT64, FLOAT64, STRING, ARRAY, STRUCT }

  static final JsonType UNKNOWN = new JsonType(Kind.UNKNOWN, null, Map.of());
  static final JsonType BOOLEAN = new JsonType(Kind.BOOLEAN, null, Map.of());
  static final JsonType INT64 = new JsonType(Kind.INT64, null, Map.of());
  static final JsonType FLOAT64 = new JsonType(Kind.FLOAT64, null, Map.of());
  static final JsonType STRING = new JsonType(Kind.STRING, null, Map.of());

  final Kind kind;
  /** The element type of an ARRAY. */
  final JsonType element;
  /** The fields of a STRUCT, sorted by name so the schema does not depend on arrival order. */
  final Map<String, JsonType> fields;

  private JsonType(Kind kind, JsonType element, Map<String, JsonType> fields) {
    this.kind = kind;
    this.element = element;
    this.fields = fields;
  }

  static JsonType struct(Map<String, JsonType> fields) {
    return new JsonType(Kind.STRUCT, null, Collections.unmodifiableMap(new TreeMap<>(fields)));
  }

  static JsonType array(JsonType element) {
    return new JsonType(Kind.ARRAY, element, Map.of());
  }

  static JsonType of(JsonNode node) {
    switch (node.getNodeType()) {
      case BOOLEAN:
        return BOOLEAN;
      case NUMBER:
        return node.isIntegralNumber() ? (node.canConvertToLong() ? INT64 : STRING) : FLOAT64;
      case STRING:
      case BINARY:
        return STRING;
      case ARRAY: {
        JsonType element = UNKNOWN;
        for (JsonNode item : node) {
          element = element.merge(of(item));
        }
        return array(element);
      }
      case OBJECT: {
        Map<String, JsonType> fields = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
          Map.Entry<String, JsonNode> field = it.next();
          fields.put(field.getKey(), of(field.getValue()));
        }
        return struct(fields);
      }
      default:
        return UNKNOWN;
    }
  }

  /**
   * Whether merging the type of {@code node} would leave this type as it is; the check allocates
   * nothing, so a page of records that bring nothing new costs a walk over them.
   */
  boolean fits(JsonNode node) {
    if (kind == Kind.STRING) {
      return true; // any value is kept as its JSON text
    }
    switch (node.getNodeType()) {
      case BOOLEAN:
        return kind == Kind.BOOLEAN;
      case NUMBER:
        if (node.isIntegralNumber()) {
          return node.canConvertToLong() && (kind == Kind.INT64 || kind == Kind.FLOAT64);
        }
        return kind == Kind.FLOAT64;
      case ARRAY:
        if (kind != Kind.ARRAY) {
          return false;
        }
        for (JsonNode item : node) {
          if (!element.fits(item)) {
            return false;
          }
        }
        return true;
      case OBJECT: {
        if (kind != Kind.STRUCT) {
          return false;
        }
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
          Map.Entry<String, JsonNode> field = it.next();
          JsonType known = fields.get(field.getKey());
          if (known == null || !known.fits(field.getValue())) {
            return false;
          }
        }
        return true;
      }
      case NULL:
      case MISSING:
        return true;
      default:
        return false;
    }
  }

  JsonType merge(JsonType other) {
    if (this.equals(other) || other.kind == Kind.UNKNOWN) {
      return this;
    }
    if (kind == Kind.UNKNOWN) {
      return other;
    }
    if (kind == other.kind) {
      if (kind == Kind.ARRAY) {
        return array(element.merge(other.element));
      }
      if (kind == Kind.STRUCT) {
        Map<String, JsonType> merged = new TreeMap<>(fields);
        other.fields.forEach((name, type) -> merged.merge(name, type, JsonType::merge));
        return struct(merged);
      }
      return this;
    }
    if (isNumber() && other.isNumber()) {
      return FLOAT64;
    }
    return STRING;
  }

  private boolean isNumber() {
    return kind == Kind.INT64 || kind == Kind.FLOAT64;
  }

  /** Whether a field of this type gets a place in the schema yet. */
  boolean isKnown() {
    return kind != Kind.UNKNOWN && (kind != Kind.ARRAY || element.isKnown());
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof JsonType)) {
      return false;
    }
    JsonType other = (JsonType) o;
    return kind == other.kind && Objects.equals(element, other.element) && fields.equals(other.fields);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, element, fields);
  }
}
