package io.streametl.converter;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;

/**
 * Random Connect schemas and values of every type JsonConverter writes: primitives, the four
 * logical types, arrays, maps with string and non-string keys, nested structs, optional fields,
 * awkward strings and field names, extreme numbers.
 */
final class RandomConnectData {

  private static final String[] NAMES = {
    "id", "event_time", "amount", "na\"me", "päth", "a\\b", "emoji😀", "x", "schema", "payload",
    "tab\tname", "device", "count"
  };

  private final Random random;

  RandomConnectData(long seed) {
    random = new Random(seed);
  }

  /** A struct schema (the usual record value) with 1 to 8 fields. */
  Schema structSchema(int depth) {
    SchemaBuilder builder = SchemaBuilder.struct().name("io.example.Value" + random.nextInt(3));
    if (random.nextInt(5) == 0) {
      builder.version(1 + random.nextInt(3)).doc("a value");
    }
    int fields = 1 + random.nextInt(8);
    List<String> used = new ArrayList<>();
    for (int i = 0; i < fields; i++) {
      String name = NAMES[random.nextInt(NAMES.length)] + (used.size() % 3 == 0 ? "" : "_" + i);
      if (used.contains(name)) {
        continue;
      }
      used.add(name);
      builder.field(name, schema(depth + 1));
    }
    if (random.nextInt(4) == 0) {
      builder.optional();
    }
    return builder.build();
  }

  Schema schema(int depth) {
    int kind = random.nextInt(depth > 2 ? 14 : 18);
    SchemaBuilder builder;
    switch (kind) {
      case 0 -> builder = SchemaBuilder.int8();
      case 1 -> builder = SchemaBuilder.int16();
      case 2 -> builder = SchemaBuilder.int32();
      case 3 -> builder = SchemaBuilder.int64();
      case 4 -> builder = SchemaBuilder.float32();
      case 5 -> builder = SchemaBuilder.float64();
      case 6 -> builder = SchemaBuilder.bool();
      case 7, 8 -> builder = SchemaBuilder.string();
      case 9 -> builder = SchemaBuilder.bytes();
      case 10 -> builder = Decimal.builder(random.nextInt(5));
      case 11 -> builder = Date.builder();
      case 12 -> builder = Time.builder();
      case 13 -> builder = Timestamp.builder();
      case 14 -> builder = SchemaBuilder.array(schema(depth + 1));
      case 15 -> builder = SchemaBuilder.map(Schema.STRING_SCHEMA, schema(depth + 1));
      case 16 -> builder = SchemaBuilder.map(
          random.nextBoolean() ? Schema.INT32_SCHEMA : Schema.OPTIONAL_INT64_SCHEMA,
          schema(depth + 1));
      default -> {
        return structSchema(depth);
      }
    }
    if (random.nextInt(3) == 0) {
      builder.optional();
    }
    if (kind <= 8 && random.nextInt(8) == 0) {
      builder.defaultValue(value(builder.build()));
    }
    return builder.build();
  }

  Object value(Schema schema) {
    if (schema.isOptional() && random.nextInt(5) == 0) {
      return null;
    }
    if (schema.name() != null) {
      switch (schema.name()) {
        case Decimal.LOGICAL_NAME:
          int scale = Integer.parseInt(schema.parameters().get(Decimal.SCALE_FIELD));
          return new BigDecimal(new BigInteger(1 + random.nextInt(90), random)
              .multiply(BigInteger.valueOf(random.nextBoolean() ? 1 : -1)), scale);
        case Date.LOGICAL_NAME:
          return new java.util.Date((random.nextInt(40_000) - 20_000) * 86_400_000L);
        case Time.LOGICAL_NAME:
          return new java.util.Date(random.nextInt(86_400_000));
        case Timestamp.LOGICAL_NAME:
          return new java.util.Date(random.nextLong() >> random.nextInt(40));
        default:
          break;
      }
    }
    return switch (schema.type()) {
      case INT8 -> (byte) random.nextInt();
      case INT16 -> (short) random.nextInt();
      case INT32 -> random.nextInt() >> random.nextInt(32);
      case INT64 -> random.nextLong() >> random.nextInt(64);
      case FLOAT32 -> floatValue();
      case FLOAT64 -> doubleValue();
      case BOOLEAN -> random.nextBoolean();
      case STRING -> string();
      case BYTES -> bytes();
      case ARRAY -> {
        List<Object> list = new ArrayList<>();
        int size = random.nextInt(4);
        for (int i = 0; i < size; i++) {
          list.add(value(schema.valueSchema()));
        }
        yield list;
      }
      case MAP -> {
        Map<Object, Object> map = new HashMap<>();
        int size = random.nextInt(4);
        for (int i = 0; i < size; i++) {
          Object key = schema.keySchema().type() == Schema.Type.STRING
              ? string()
              : schema.keySchema().type() == Schema.Type.INT32
                  ? (Object) random.nextInt(1000)
                  : (Object) (long) random.nextInt(1000);
          map.put(key, value(schema.valueSchema()));
        }
        yield map;
      }
      case STRUCT -> {
        Struct struct = new Struct(schema);
        for (Field field : schema.fields()) {
          struct.put(field, value(field.schema()));
        }
        yield struct;
      }
    };
  }

  private float floatValue() {
    return switch (random.nextInt(6)) {
      case 0 -> 0.0f;
      case 1 -> Float.MAX_VALUE;
      case 2 -> Float.MIN_VALUE;
      case 3 -> -random.nextFloat() * 1e6f;
      default -> Float.intBitsToFloat(random.nextInt()) % 1e30f;
    };
  }

  private double doubleValue() {
    return switch (random.nextInt(6)) {
      case 0 -> 0.0;
      case 1 -> Double.MAX_VALUE;
      case 2 -> Double.MIN_VALUE;
      case 3 -> random.nextInt(100_000) / 100.0;
      default -> random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20);
    };
  }

  private String string() {
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(12);
    for (int i = 0; i < length; i++) {
      switch (random.nextInt(8)) {
        case 0 -> text.append('"');
        case 1 -> text.append('\\');
        case 2 -> text.append((char) random.nextInt(32));
        case 3 -> text.append("😀");
        case 4 -> text.append((char) (0x80 + random.nextInt(0x700)));
        default -> text.append((char) ('a' + random.nextInt(26)));
      }
    }
    return text.toString();
  }

  private byte[] bytes() {
    byte[] bytes = new byte[random.nextInt(20)];
    random.nextBytes(bytes);
    return bytes;
  }
}
