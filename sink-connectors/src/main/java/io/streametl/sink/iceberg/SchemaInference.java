package io.streametl.sink.iceberg;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

/**
 * Derives an Iceberg schema for a new table from a record: from the Connect schema of a Struct, or
 * by inspecting the values of a schemaless Map. Every column is optional, so that later records
 * may leave a field out without being rejected. Field ids are placeholders: the catalog assigns
 * fresh ones when it creates the table.
 */
public final class SchemaInference {

  /** Connect's Decimal carries a scale but no precision; Iceberg needs one, so we take the widest. */
  static final int DECIMAL_PRECISION = 38;

  private final AtomicInteger ids = new AtomicInteger(0);

  private SchemaInference() {}

  /** The schema of a record value (a Struct or a Map); fails with a DataException for anything else. */
  public static Schema fromValue(Object value) {
    SchemaInference inference = new SchemaInference();
    Types.StructType struct;
    if (value instanceof Struct s) {
      struct = inference.structType(s.schema());
    } else if (value instanceof Map<?, ?> m) {
      struct = inference.structFromMap(m);
    } else {
      throw new DataException("cannot derive a table schema from a " + describe(value)
          + " value: the sink writes Struct or Map values");
    }
    if (struct.fields().isEmpty()) {
      throw new DataException("cannot derive a table schema: the value has no typed fields");
    }
    return new Schema(struct.fields());
  }

  private Types.StructType structType(org.apache.kafka.connect.data.Schema schema) {
    List<Types.NestedField> fields = new ArrayList<>();
    for (Field field : schema.fields()) {
      fields.add(Types.NestedField.optional(ids.incrementAndGet(), field.name(), type(field.schema())));
    }
    return Types.StructType.of(fields);
  }

  private Type type(org.apache.kafka.connect.data.Schema schema) {
    String logical = schema.name();
    if (logical != null) {
      switch (logical) {
        case Decimal.LOGICAL_NAME -> {
          int scale = Integer.parseInt(schema.parameters().get(Decimal.SCALE_FIELD));
          return Types.DecimalType.of(DECIMAL_PRECISION, scale);
        }
        case org.apache.kafka.connect.data.Timestamp.LOGICAL_NAME -> {
          return Types.TimestampType.withZone();
        }
        case org.apache.kafka.connect.data.Date.LOGICAL_NAME -> {
          return Types.DateType.get();
        }
        case org.apache.kafka.connect.data.Time.LOGICAL_NAME -> {
          return Types.TimeType.get();
        }
        default -> { }
      }
    }
    return switch (schema.type()) {
      case INT8, INT16, INT32 -> Types.IntegerType.get();
      case INT64 -> Types.LongType.get();
      case FLOAT32 -> Types.FloatType.get();
      case FLOAT64 -> Types.DoubleType.get();
      case BOOLEAN -> Types.BooleanType.get();
      case STRING -> Types.StringType.get();
      case BYTES -> Types.BinaryType.get();
      case STRUCT -> structType(schema);
      case ARRAY -> Types.ListType.ofOptional(ids.incrementAndGet(), type(schema.valueSchema()));
      case MAP -> Types.MapType.ofOptional(ids.incrementAndGet(), ids.incrementAndGet(),
          type(schema.keySchema()), type(schema.valueSchema()));
    };
  }

  private Types.StructType structFromMap(Map<?, ?> map) {
    List<Types.NestedField> fields = new ArrayList<>();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      Type type = typeOf(entry.getValue());
      // A null, an empty map or an empty list says nothing about the column's type: leave it
      // out; it is added when a record that carries a value arrives.
      if (type != null) {
        fields.add(Types.NestedField.optional(ids.incrementAndGet(), String.valueOf(entry.getKey()), type));
      }
    }
    return Types.StructType.of(fields);
  }

  private Type typeOf(Object value) {
    if (value == null) {
      return null;
    } else if (value instanceof String) {
      return Types.StringType.get();
    } else if (value instanceof Byte || value instanceof Short || value instanceof Integer
        || value instanceof Long) {
      // JSON has one integer type; a column typed by the first small value would reject later big ones.
      return Types.LongType.get();
    } else if (value instanceof Float || value instanceof Double) {
      return Types.DoubleType.get();
    } else if (value instanceof BigDecimal d) {
      return Types.DecimalType.of(DECIMAL_PRECISION, Math.max(d.scale(), 0));
    } else if (value instanceof Boolean) {
      return Types.BooleanType.get();
    } else if (value instanceof Date || value instanceof java.time.Instant
        || value instanceof java.time.OffsetDateTime) {
      return Types.TimestampType.withZone();
    } else if (value instanceof byte[] || value instanceof ByteBuffer) {
      return Types.BinaryType.get();
    } else if (value instanceof Map<?, ?> m) {
      Types.StructType struct = structFromMap(m);
      return struct.fields().isEmpty() ? null : struct;
    } else if (value instanceof Collection<?> c) {
      Type element = c.stream().filter(e -> e != null).findFirst().map(this::typeOf).orElse(null);
      return element == null ? null : Types.ListType.ofOptional(ids.incrementAndGet(), element);
    } else if (value instanceof Struct s) {
      return structType(s.schema());
    }
    throw new DataException("cannot map a " + describe(value) + " to an Iceberg column type");
  }

  static String describe(Object value) {
    return value == null ? "null" : value.getClass().getSimpleName();
  }
}
