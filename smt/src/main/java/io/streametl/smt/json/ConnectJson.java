package io.streametl.smt.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns Connect data (Struct, Map, List, primitives, logical types) into a Jackson tree, the form
 * JSON Schema validators read and the error topic is written in. Struct fields keep their schema
 * order; Decimals become JSON numbers; bytes become base64 strings; Connect's Date becomes an
 * ISO date ({@code 2026-11-21}), Time an ISO time ({@code 17:00:00.123}), and Timestamp either
 * an ISO-8601 UTC string or epoch milliseconds, as configured.
 */
public final class ConnectJson {

  /** How Connect Timestamps (and {@code java.util.Date} in schemaless data) are written. */
  public enum TimestampFormat {
    /** {@code 2026-11-21T17:00:00.123Z}, which the JSON Schema format "date-time" accepts. */
    ISO8601,
    /** Milliseconds since the epoch, as Connect's JsonConverter writes them. */
    EPOCH_MILLIS
  }

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final TimestampFormat timestampFormat;

  public ConnectJson(TimestampFormat timestampFormat) {
    this.timestampFormat = timestampFormat;
  }

  /**
   * The tree of {@code value}. The schema, where known, tells Date, Time and Timestamp apart;
   * without one a {@code java.util.Date} is read as a Timestamp.
   */
  public JsonNode toTree(Schema schema, Object value) {
    if (value == null) {
      return NODES.nullNode();
    }
    if (value instanceof Struct) {
      return struct((Struct) value);
    }
    if (value instanceof Map) {
      return map(schema, (Map<?, ?>) value);
    }
    if (value instanceof List) {
      return list(schema, (List<?>) value);
    }
    return scalar(schema, value);
  }

  private ObjectNode struct(Struct struct) {
    ObjectNode node = objectNode(struct.schema().fields().size());
    for (Field field : struct.schema().fields()) {
      node.set(field.name(), toTree(field.schema(), struct.get(field)));
    }
    return node;
  }

  private ObjectNode map(Schema schema, Map<?, ?> map) {
    Schema valueSchema = schema != null && schema.type() == Schema.Type.MAP ? schema.valueSchema() : null;
    ObjectNode node = objectNode(map.size());
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      node.set(String.valueOf(entry.getKey()), toTree(valueSchema, entry.getValue()));
    }
    return node;
  }

  /** Sized up front: records have tens of fields, and growing a map rehashes it. */
  private static ObjectNode objectNode(int entries) {
    return new ObjectNode(NODES, new LinkedHashMap<>(entries * 4 / 3 + 1));
  }

  private ArrayNode list(Schema schema, List<?> list) {
    Schema elementSchema =
        schema != null && schema.type() == Schema.Type.ARRAY ? schema.valueSchema() : null;
    ArrayNode node = NODES.arrayNode(list.size());
    for (Object element : list) {
      node.add(toTree(elementSchema, element));
    }
    return node;
  }

  private JsonNode scalar(Schema schema, Object value) {
    if (value instanceof String) {
      return NODES.stringNode((String) value);
    } else if (value instanceof Boolean) {
      return NODES.booleanNode((Boolean) value);
    } else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return NODES.numberNode(((Number) value).intValue());
    } else if (value instanceof Long) {
      return NODES.numberNode((long) (Long) value);
    } else if (value instanceof Double) {
      return NODES.numberNode((double) (Double) value);
    } else if (value instanceof Float) {
      return NODES.numberNode((float) (Float) value);
    } else if (value instanceof BigDecimal) {
      return NODES.numberNode((BigDecimal) value);
    } else if (value instanceof BigInteger) {
      return NODES.numberNode((BigInteger) value);
    } else if (value instanceof Date) {
      return date(schema, (Date) value);
    } else if (value instanceof byte[]) {
      return NODES.stringNode(Base64.getEncoder().encodeToString((byte[]) value));
    } else if (value instanceof ByteBuffer) {
      ByteBuffer buffer = ((ByteBuffer) value).duplicate();
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      return NODES.stringNode(Base64.getEncoder().encodeToString(bytes));
    }
    // Not a Connect type; its text is the best a JSON reader can get.
    return NODES.stringNode(value.toString());
  }

  private JsonNode date(Schema schema, Date date) {
    String logical = schema == null ? null : schema.name();
    if (org.apache.kafka.connect.data.Date.LOGICAL_NAME.equals(logical)) {
      return NODES.stringNode(LocalDate.ofInstant(date.toInstant(), ZoneOffset.UTC).toString());
    }
    if (Time.LOGICAL_NAME.equals(logical)) {
      return NODES.stringNode(LocalTime.ofInstant(date.toInstant(), ZoneOffset.UTC).toString());
    }
    if (timestampFormat == TimestampFormat.EPOCH_MILLIS) {
      return NODES.numberNode(date.getTime());
    }
    return NODES.stringNode(Instant.ofEpochMilli(date.getTime()).toString());
  }
}
