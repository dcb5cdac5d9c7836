package io.streametl.sink.bigquery;

import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.FieldList;
import com.google.cloud.bigquery.Schema;
import com.google.cloud.bigquery.StandardSQLTypeName;
import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Date;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

/**
 * Encodes record values as the protobuf rows the Storage Write API takes, for one table schema.
 * Field numbers follow the column order, and the sink only ever appends columns, so a row encoded
 * before a schema change is still a valid row of the new descriptor. A value that does not fit its
 * column fails with a {@link DataException} naming the column and the expected type (never the
 * value), which sends the record to the dead-letter queue.
 */
final class RowEncoder {

  private static final Pattern PROTO_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final long MIN_TIMESTAMP_MICROS = -62_135_596_800_000_000L;  // 0001-01-01T00:00:00Z
  private static final long MAX_TIMESTAMP_MICROS = 253_402_300_799_999_999L;  // 9999-12-31T23:59:59.999999Z

  private final Schema schema;
  private final DescriptorProto descriptorProto;
  private final Descriptor descriptor;
  /** Per message level, the columns by name: a row looks each field up once, without scanning. */
  private final Map<FieldList, Map<String, Column>> columns = new java.util.IdentityHashMap<>();

  /** A column and its protobuf field. */
  private record Column(Field field, FieldDescriptor descriptor) {}

  RowEncoder(Schema schema) {
    this.schema = schema;
    this.descriptorProto = message("Row", schema.getFields());
    try {
      FileDescriptorProto file = FileDescriptorProto.newBuilder().setName("streametl_row.proto")
          .addMessageType(descriptorProto).build();
      this.descriptor = Descriptors.FileDescriptor.buildFrom(file, new Descriptors.FileDescriptor[0])
          .findMessageTypeByName("Row");
    } catch (Descriptors.DescriptorValidationException e) {
      throw new DataException("cannot describe the table's rows as protobuf: " + e.getMessage(), e);
    }
  }

  Schema schema() {
    return schema;
  }

  /** The self-contained writer schema sent with the first request of each append. */
  DescriptorProto descriptorProto() {
    return descriptorProto;
  }

  private static DescriptorProto message(String name, FieldList fields) {
    DescriptorProto.Builder message = DescriptorProto.newBuilder().setName(name);
    int number = 0;
    for (Field field : fields) {
      number++;
      if (!PROTO_NAME.matcher(field.getName()).matches()) {
        throw new DataException("column '" + field.getName() + "' cannot be written through the Storage Write API: "
            + "use letters, digits and '_' in field names");
      }
      FieldDescriptorProto.Builder proto = FieldDescriptorProto.newBuilder()
          .setName(field.getName())
          .setNumber(number)
          .setLabel(field.getMode() == Field.Mode.REPEATED ? FieldDescriptorProto.Label.LABEL_REPEATED
              : FieldDescriptorProto.Label.LABEL_OPTIONAL);
      StandardSQLTypeName type = field.getType().getStandardType();
      if (type == StandardSQLTypeName.STRUCT) {
        String nested = "S" + number + "_" + field.getName();
        message.addNestedType(message(nested, field.getSubFields()));
        proto.setType(FieldDescriptorProto.Type.TYPE_MESSAGE).setTypeName(nested);
      } else {
        proto.setType(protoType(type));
      }
      message.addField(proto);
    }
    return message.build();
  }

  /** The wire type BigQuery takes for a column type (see the Storage Write API's type mapping). */
  static FieldDescriptorProto.Type protoType(StandardSQLTypeName type) {
    return switch (type) {
      case INT64, TIMESTAMP -> FieldDescriptorProto.Type.TYPE_INT64;
      case DATE -> FieldDescriptorProto.Type.TYPE_INT32;
      case FLOAT64 -> FieldDescriptorProto.Type.TYPE_DOUBLE;
      case BOOL -> FieldDescriptorProto.Type.TYPE_BOOL;
      case BYTES -> FieldDescriptorProto.Type.TYPE_BYTES;
      case STRING, NUMERIC, BIGNUMERIC, TIME, DATETIME, JSON, GEOGRAPHY -> FieldDescriptorProto.Type.TYPE_STRING;
      default -> throw new DataException("the sink cannot write BigQuery " + type + " columns");
    };
  }

  /** The serialized row of a Struct or Map value. */
  ByteString encode(Object value) {
    return message(descriptor, schema.getFields(), value, "").toByteString();
  }

  private Column column(Descriptor type, FieldList fields, String name) {
    Map<String, Column> byName = columns.computeIfAbsent(fields, f -> {
      Map<String, Column> index = new java.util.HashMap<>();
      for (int i = 0; i < f.size(); i++) {
        Field field = f.get(i);
        Column column = new Column(field, type.findFieldByNumber(i + 1));
        index.put(field.getName(), column);
        index.putIfAbsent(field.getName().toLowerCase(java.util.Locale.ROOT), column);
      }
      return index;
    });
    Column found = byName.get(name);
    // BigQuery matches column names ignoring case.
    return found != null ? found : byName.get(name.toLowerCase(java.util.Locale.ROOT));
  }

  private DynamicMessage message(Descriptor type, FieldList fields, Object value, String path) {
    DynamicMessage.Builder row = DynamicMessage.newBuilder(type);
    if (value instanceof Struct struct) {
      for (org.apache.kafka.connect.data.Field f : struct.schema().fields()) {
        set(row, type, fields, f.name(), struct.get(f), path);
      }
    } else if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        set(row, type, fields, String.valueOf(e.getKey()), e.getValue(), path);
      }
    } else {
      throw new DataException("'" + (path.isEmpty() ? "the value" : path) + "' is a "
          + TableSchemas.describe(value) + ", expected a Struct or Map");
    }
    return row.build();
  }

  private void set(DynamicMessage.Builder row, Descriptor type, FieldList fields, String name, Object value,
      String path) {
    Column found = column(type, fields, name);
    if (found == null) {
      String column = path.isEmpty() ? name : path + "." + name;
      if (value == null) {
        return;
      }
      throw new DataException("field '" + column + "' has no column in the table (enable "
          + BigQueryConfig.EVOLVE_SCHEMA + " to add it)");
    }
    Field field = found.field();
    String column = path.isEmpty() ? name : path + "." + name;
    if (value == null) {
      if (field.getMode() == Field.Mode.REQUIRED) {
        throw new DataException("column '" + column + "' is REQUIRED but the record has no value for it");
      }
      return;
    }
    FieldDescriptor descriptor = found.descriptor();
    if (field.getMode() == Field.Mode.REPEATED) {
      for (Object element : elements(field, value, column)) {
        if (element == null) {
          throw new DataException("column '" + column + "' is REPEATED and BigQuery arrays cannot hold nulls");
        }
        row.addRepeatedField(descriptor, convert(field, descriptor, element, column));
      }
    } else {
      row.setField(descriptor, convert(field, descriptor, value, column));
    }
  }

  private static Collection<?> elements(Field field, Object value, String column) {
    if (value instanceof Collection<?> c) {
      return c;
    }
    if (value instanceof Map<?, ?> m && field.getType().getStandardType() == StandardSQLTypeName.STRUCT) {
      // A Connect MAP is a REPEATED RECORD of key and value.
      return m.entrySet().stream().map(e -> {
        Map<String, Object> entry = new java.util.LinkedHashMap<>();
        entry.put("key", e.getKey());
        entry.put("value", e.getValue());
        return entry;
      }).toList();
    }
    throw mismatch(column, "an array (REPEATED " + field.getType().getStandardType() + ")", value);
  }

  private Object convert(Field field, FieldDescriptor descriptor, Object value, String column) {
    StandardSQLTypeName type = field.getType().getStandardType();
    switch (type) {
      case STRUCT -> {
        return message(descriptor.getMessageType(), field.getSubFields(), value, column);
      }
      case STRING -> {
        if (value instanceof String || value instanceof Character) {
          return value.toString();
        }
        throw mismatch(column, "STRING", value);
      }
      case INT64 -> {
        return asLong(value, column);
      }
      case FLOAT64 -> {
        if (value instanceof Number n) {
          return n.doubleValue();
        }
        throw mismatch(column, "FLOAT64", value);
      }
      case NUMERIC, BIGNUMERIC -> {
        BigDecimal decimal = asDecimal(value, column, type);
        int maxScale = type == StandardSQLTypeName.NUMERIC ? TableSchemas.NUMERIC_MAX_SCALE : 38;
        if (decimal.scale() > maxScale) {
          throw new DataException("column '" + column + "' is " + type + " (at most " + maxScale
              + " digits after the point) but the value has " + decimal.scale());
        }
        return decimal.toPlainString();
      }
      case BOOL -> {
        if (value instanceof Boolean) {
          return value;
        }
        throw mismatch(column, "BOOL", value);
      }
      case BYTES -> {
        if (value instanceof byte[] b) {
          return ByteString.copyFrom(b);
        } else if (value instanceof ByteBuffer b) {
          return ByteString.copyFrom(b.duplicate());
        }
        throw mismatch(column, "BYTES", value);
      }
      case TIMESTAMP -> {
        return timestampMicros(value, column);
      }
      case DATE -> {
        if (value instanceof Date d) {
          return Math.toIntExact(Math.floorDiv(d.getTime(), 86_400_000L));
        } else if (value instanceof LocalDate d) {
          return Math.toIntExact(d.toEpochDay());
        }
        throw mismatch(column, "DATE", value);
      }
      case TIME -> {
        if (value instanceof Date d) {
          return LocalTime.ofNanoOfDay(Math.floorMod(d.getTime(), 86_400_000L) * 1_000_000L).toString();
        } else if (value instanceof LocalTime t) {
          return t.toString();
        }
        throw mismatch(column, "TIME", value);
      }
      default -> throw new DataException("column '" + column + "' is " + type + ", which the sink does not write");
    }
  }

  private static long asLong(Object value, String column) {
    if (value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long) {
      return ((Number) value).longValue();
    }
    if (value instanceof BigDecimal d) {
      try {
        return d.longValueExact();
      } catch (ArithmeticException e) {
        throw mismatch(column, "INT64 (a whole number within 64 bits)", value);
      }
    }
    if (value instanceof BigInteger i && i.bitLength() < 64) {
      return i.longValue();
    }
    throw mismatch(column, "INT64", value);
  }

  private static BigDecimal asDecimal(Object value, String column, StandardSQLTypeName type) {
    if (value instanceof BigDecimal d) {
      return d.stripTrailingZeros().scale() < 0 ? d.setScale(0) : d;
    } else if (value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long) {
      return BigDecimal.valueOf(((Number) value).longValue());
    } else if (value instanceof BigInteger i) {
      return new BigDecimal(i);
    }
    throw mismatch(column, type.name(), value);
  }

  /**
   * Microseconds since the epoch. Values outside BigQuery's range (years 1 to 9999) are left for
   * BigQuery to reject as a row error, which the sink sends to the dead-letter queue.
   */
  private static long timestampMicros(Object value, String column) {
    if (value instanceof Date d) {
      return Math.multiplyExact(d.getTime(), 1000L);
    } else if (value instanceof Instant i) {
      return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1000);
    } else if (value instanceof OffsetDateTime t) {
      return timestampMicros(t.toInstant(), column);
    } else if (value instanceof LocalDate d) {
      return timestampMicros(d.atStartOfDay().toInstant(ZoneOffset.UTC), column);
    }
    throw mismatch(column, "TIMESTAMP", value);
  }

  static boolean inTimestampRange(long micros) {
    return micros >= MIN_TIMESTAMP_MICROS && micros <= MAX_TIMESTAMP_MICROS;
  }

  private static DataException mismatch(String column, String expected, Object value) {
    return new DataException("column '" + column + "' is " + expected + " but the record has a "
        + TableSchemas.describe(value) + " there; BigQuery cannot change a column's type in place");
  }
}
