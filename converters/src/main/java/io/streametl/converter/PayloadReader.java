package io.streametl.converter;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads the payload of a JsonConverter envelope straight from the parser's tokens into Connect
 * values of a known schema, with JsonConverter's rules: the logical types by schema name first
 * (Decimal as a number or base64 bytes, Date and Time as int, Timestamp as an integral number),
 * maps with string keys as objects and other maps as arrays of pairs, every struct field put
 * through {@link Struct#put(Field, Object)} (which validates it), JSON fields the schema lacks
 * ignored.
 *
 * <p>It takes only the plain case: each value in its natural JSON type (no number where a string
 * belongs, no 3.5 for an int, no int too big for its type), no null for a required field or a
 * field with a default, nothing after the envelope's closing brace but whitespace. Anything else
 * throws {@link NotOnFastPath}, and the converter lets JsonConverter
 * decide, so odd input gets exactly JsonConverter's result or error.
 */
final class PayloadReader {

  private final JsonFactory factory;

  PayloadReader(JsonFactory factory) {
    this.factory = factory;
  }

  /**
   * The payload that starts at {@code offset} of {@code value}, decoded with {@code schema}.
   *
   * @throws NotOnFastPath if the payload or the envelope's end is not the plain case
   * @throws RuntimeException anything else the parser or Connect throws; the caller treats it
   *     like {@link NotOnFastPath}
   */
  Object read(Schema schema, byte[] value, int offset) {
    try (JsonParser parser =
        factory.createParser(ObjectReadContext.empty(), value, offset, value.length - offset)) {
      JsonToken first = parser.nextToken();
      // A number, true, false or null at the root ends where the next token starts, and the
      // parser would have to read on into the envelope's brace to find it: leave those to
      // JsonConverter. Objects, arrays and strings end at their own closing character.
      if (first != JsonToken.START_OBJECT
          && first != JsonToken.START_ARRAY
          && first != JsonToken.VALUE_STRING) {
        throw NotOnFastPath.INSTANCE;
      }
      Object result = value(schema, parser);
      long end = offset + parser.currentLocation().getByteOffset();
      requireEnvelopeEnd(value, end);
      return result;
    }
  }

  /** After the payload: optional whitespace, the envelope's '}', optional whitespace, the end. */
  private static void requireEnvelopeEnd(byte[] value, long end) {
    int i = skipWhitespace(value, (int) end);
    if (i >= value.length || value[i] != '}') {
      throw NotOnFastPath.INSTANCE;
    }
    if (skipWhitespace(value, i + 1) != value.length) {
      throw NotOnFastPath.INSTANCE;
    }
  }

  private static int skipWhitespace(byte[] value, int from) {
    int i = from;
    while (i < value.length
        && (value[i] == ' ' || value[i] == '\n' || value[i] == '\r' || value[i] == '\t')) {
      i++;
    }
    return i;
  }

  /** The value whose first token is the parser's current token. */
  private Object value(Schema schema, JsonParser parser) {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return absent(schema);
    }
    String name = schema.name();
    if (name != null) {
      switch (name) {
        case Decimal.LOGICAL_NAME:
          return decimal(schema, parser, token);
        case Date.LOGICAL_NAME:
          return Date.toLogical(schema, plainInt(parser, token));
        case Time.LOGICAL_NAME:
          return Time.toLogical(schema, plainInt(parser, token));
        case Timestamp.LOGICAL_NAME:
          return Timestamp.toLogical(schema, plainLong(parser, token));
        default:
          break;
      }
    }
    switch (schema.type()) {
      case STRUCT:
        return struct(schema, parser, token);
      case STRING:
        expect(token, JsonToken.VALUE_STRING);
        return parser.getString();
      case INT64:
        return plainLong(parser, token);
      case INT32:
        return plainInt(parser, token);
      case INT16:
        return (short) plainInt(parser, token);
      case INT8:
        return (byte) plainInt(parser, token);
      case BOOLEAN:
        return bool(token);
      case FLOAT64:
        return token == JsonToken.VALUE_NUMBER_FLOAT
            ? parser.getDecimalValue().doubleValue()
            : (double) plainLong(parser, token);
      case FLOAT32:
        return token == JsonToken.VALUE_NUMBER_FLOAT
            ? parser.getDecimalValue().floatValue()
            : (float) plainLong(parser, token);
      case BYTES:
        expect(token, JsonToken.VALUE_STRING);
        return parser.getBinaryValue();
      case ARRAY:
        return array(schema, parser, token);
      case MAP:
        return map(schema, parser, token);
      default:
        throw NotOnFastPath.INSTANCE;
    }
  }

  /**
   * A missing or null value: null for an optional field without a default. A default (which
   * JsonConverter substitutes or not by its {@code replace.null.with.default}) and a required field
   * (an error) are JsonConverter's to handle.
   */
  private static Object absent(Schema schema) {
    if (schema.defaultValue() != null || !schema.isOptional()) {
      throw NotOnFastPath.INSTANCE;
    }
    return null;
  }

  private Struct struct(Schema schema, JsonParser parser, JsonToken token) {
    expect(token, JsonToken.START_OBJECT);
    List<Field> fields = schema.fields();
    Object[] values = new Object[fields.size()];
    JsonToken next;
    int expected = 0;
    while ((next = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
      Field field = field(schema, fields, expected, parser.currentName());
      parser.nextToken();
      if (field == null) {
        parser.skipChildren();
        continue;
      }
      // A repeated key overwrites, as in JsonConverter's tree: the last one counts.
      values[field.index()] = value(field.schema(), parser);
      expected = field.index() + 1;
    }
    expect(next, JsonToken.END_OBJECT);
    Struct struct = new Struct(schema);
    for (Field field : fields) {
      // A field that is missing is treated like an explicit null; value() already checked those.
      Object value = values[field.index()];
      struct.put(field, value != null ? value : absent(field.schema()));
    }
    return struct;
  }

  /**
   * The field named {@code name}. JsonConverter writes a struct's fields in schema order, so the
   * field after the previous one is tried first: a string comparison instead of a hash lookup.
   */
  private static Field field(Schema schema, List<Field> fields, int expected, String name) {
    if (expected < fields.size()) {
      Field next = fields.get(expected);
      if (next.name().equals(name)) {
        return next;
      }
    }
    return schema.field(name);
  }

  private List<Object> array(Schema schema, JsonParser parser, JsonToken token) {
    expect(token, JsonToken.START_ARRAY);
    Schema elements = schema.valueSchema();
    List<Object> result = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      result.add(value(elements, parser));
    }
    return result;
  }

  private Map<Object, Object> map(Schema schema, JsonParser parser, JsonToken token) {
    Schema keys = schema.keySchema();
    Schema values = schema.valueSchema();
    Map<Object, Object> result = new HashMap<>();
    if (keys.type() == Schema.Type.STRING) {
      // String keys: a JSON object, the keys taken as they are.
      expect(token, JsonToken.START_OBJECT);
      JsonToken next;
      while ((next = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
        String key = parser.currentName();
        parser.nextToken();
        result.put(key, value(values, parser));
      }
      expect(next, JsonToken.END_OBJECT);
      return result;
    }
    // Other keys: an array of [key, value] pairs.
    expect(token, JsonToken.START_ARRAY);
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      expect(parser.currentToken(), JsonToken.START_ARRAY);
      parser.nextToken();
      Object key = value(keys, parser);
      parser.nextToken();
      Object entry = value(values, parser);
      expect(parser.nextToken(), JsonToken.END_ARRAY);
      result.put(key, entry);
    }
    return result;
  }

  private static BigDecimal decimal(Schema schema, JsonParser parser, JsonToken token) {
    if (token == JsonToken.VALUE_NUMBER_FLOAT) {
      return parser.getDecimalValue();
    }
    if (token == JsonToken.VALUE_NUMBER_INT) {
      return BigDecimal.valueOf(plainLong(parser, token));
    }
    expect(token, JsonToken.VALUE_STRING);
    return Decimal.toLogical(schema, parser.getBinaryValue());
  }

  private static Boolean bool(JsonToken token) {
    if (token == JsonToken.VALUE_TRUE) {
      return Boolean.TRUE;
    }
    if (token == JsonToken.VALUE_FALSE) {
      return Boolean.FALSE;
    }
    throw NotOnFastPath.INSTANCE;
  }

  /** A JSON integer that fits an int (the parser throws for a bigger one). */
  private static int plainInt(JsonParser parser, JsonToken token) {
    expect(token, JsonToken.VALUE_NUMBER_INT);
    return parser.getIntValue();
  }

  /** A JSON integer that fits a long (the parser throws for a bigger one). */
  private static long plainLong(JsonParser parser, JsonToken token) {
    expect(token, JsonToken.VALUE_NUMBER_INT);
    return parser.getLongValue();
  }

  private static void expect(JsonToken actual, JsonToken expected) {
    if (actual != expected) {
      throw NotOnFastPath.INSTANCE;
    }
  }
}
