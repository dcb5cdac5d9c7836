package io.streametl.source.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

/** Converts JSON values to Connect values: to a Struct of an inferred schema, or to plain Maps. */
public final class JsonValues {

  private JsonValues() {}

  /** The value for {@code schema}, which must fit it (see {@link InferredSchema}). */
  public static Object toConnect(JsonNode node, Schema schema) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    switch (schema.type()) {
      case STRUCT: {
        Struct struct = new Struct(schema);
        for (Field field : schema.fields()) {
          JsonNode child = node.get(field.name());
          if (child != null && !child.isNull()) {
            struct.put(field, toConnect(child, field.schema()));
          }
        }
        return struct;
      }
      case ARRAY: {
        List<Object> list = new ArrayList<>(node.size());
        for (JsonNode item : node) {
          list.add(toConnect(item, schema.valueSchema()));
        }
        return list;
      }
      case INT64:
        return node.longValue();
      case FLOAT64:
        return node.doubleValue();
      case BOOLEAN:
        return node.booleanValue();
      default:
        return text(node);
    }
  }

  /** The value as compact UTF-8 JSON. */
  public static byte[] toBytes(JsonNode node) {
    try {
      return WRITER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a parsed JSON tree always serialises", e);
    }
  }

  /** A key or identity text: strings as they are, other values as JSON. */
  public static String text(JsonNode node) {
    if (node.isTextual()) {
      return node.textValue();
    }
    // Numbers and booleans print as their JSON text without a trip through the serialiser.
    return node.isValueNode() && !node.isNull() ? node.asText() : node.toString();
  }

  private static final ObjectWriter WRITER = new ObjectMapper().writer();

  /** A schemaless value: Map, List, Long, Double, Boolean, String (integers past 64 bits as text). */
  public static Object toSchemaless(JsonNode node) {
    switch (node.getNodeType()) {
      case OBJECT: {
        Map<String, Object> map = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
          Map.Entry<String, JsonNode> field = it.next();
          map.put(field.getKey(), toSchemaless(field.getValue()));
        }
        return map;
      }
      case ARRAY: {
        List<Object> list = new ArrayList<>(node.size());
        for (JsonNode item : node) {
          list.add(toSchemaless(item));
        }
        return list;
      }
      case NUMBER:
        if (node.isIntegralNumber()) {
          return node.canConvertToLong() ? (Object) node.longValue() : node.asText();
        }
        return node.doubleValue();
      case BOOLEAN:
        return node.booleanValue();
      case NULL:
      case MISSING:
        return null;
      default:
        return node.asText();
    }
  }
}
