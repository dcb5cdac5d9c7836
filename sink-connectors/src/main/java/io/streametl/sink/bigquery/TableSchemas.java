package io.streametl.sink.bigquery;

import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.FieldList;
import com.google.cloud.bigquery.Schema;
import com.google.cloud.bigquery.StandardSQLTypeName;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

/**
 * BigQuery table schemas derived from records (every column NULLABLE, so later records may omit
 * fields), and the one schema change the sink makes: adding the columns a record has and the table
 * lacks (nested ones inside their RECORD). Types never change here: BigQuery has one integer and
 * one floating type, so Connect's narrower types need no widening, and anything else that does
 * not fit is the encoder's to reject.
 */
final class TableSchemas {

  /** BigQuery's NUMERIC keeps at most 9 digits after the point; BIGNUMERIC 38. */
  static final int NUMERIC_MAX_SCALE = 9;

  private TableSchemas() {}

  /** The schema of a record value (a Struct or a Map); fails with a DataException for anything else. */
  static Schema infer(Object value) {
    List<Field> fields;
    if (value instanceof Struct s) {
      fields = fromConnect(s.schema());
    } else if (value instanceof Map<?, ?> m) {
      fields = fromMap(m);
    } else {
      throw new DataException("cannot derive a table schema from a " + describe(value)
          + " value: the sink writes Struct or Map values");
    }
    if (fields.isEmpty()) {
      throw new DataException("cannot derive a table schema: the value has no typed fields");
    }
    return Schema.of(fields);
  }

  private static List<Field> fromConnect(org.apache.kafka.connect.data.Schema schema) {
    List<Field> fields = new ArrayList<>();
    for (org.apache.kafka.connect.data.Field field : schema.fields()) {
      fields.add(connectField(field.name(), field.schema()));
    }
    return fields;
  }

  private static Field connectField(String name, org.apache.kafka.connect.data.Schema schema) {
    return switch (schema.type()) {
      case ARRAY -> {
        Field element = connectField(name, schema.valueSchema());
        if (element.getMode() == Field.Mode.REPEATED) {
          throw new DataException("field '" + name + "' is an array of arrays, which BigQuery cannot hold");
        }
        yield element.toBuilder().setMode(Field.Mode.REPEATED).build();
      }
      case MAP -> Field.newBuilder(name, StandardSQLTypeName.STRUCT,
              connectField("key", schema.keySchema()), connectField("value", schema.valueSchema()))
          .setMode(Field.Mode.REPEATED).build();
      case STRUCT -> Field.newBuilder(name, StandardSQLTypeName.STRUCT, FieldList.of(fromConnect(schema)))
          .setMode(Field.Mode.NULLABLE).build();
      default -> nullable(name, connectType(schema));
    };
  }

  private static StandardSQLTypeName connectType(org.apache.kafka.connect.data.Schema schema) {
    String logical = schema.name();
    if (Decimal.LOGICAL_NAME.equals(logical)) {
      int scale = Integer.parseInt(schema.parameters().get(Decimal.SCALE_FIELD));
      return scale > NUMERIC_MAX_SCALE ? StandardSQLTypeName.BIGNUMERIC : StandardSQLTypeName.NUMERIC;
    } else if (org.apache.kafka.connect.data.Timestamp.LOGICAL_NAME.equals(logical)) {
      return StandardSQLTypeName.TIMESTAMP;
    } else if (org.apache.kafka.connect.data.Date.LOGICAL_NAME.equals(logical)) {
      return StandardSQLTypeName.DATE;
    } else if (org.apache.kafka.connect.data.Time.LOGICAL_NAME.equals(logical)) {
      return StandardSQLTypeName.TIME;
    }
    return switch (schema.type()) {
      case INT8, INT16, INT32, INT64 -> StandardSQLTypeName.INT64;
      case FLOAT32, FLOAT64 -> StandardSQLTypeName.FLOAT64;
      case BOOLEAN -> StandardSQLTypeName.BOOL;
      case STRING -> StandardSQLTypeName.STRING;
      case BYTES -> StandardSQLTypeName.BYTES;
      default -> throw new IllegalArgumentException(schema.type().toString());
    };
  }

  private static List<Field> fromMap(Map<?, ?> map) {
    List<Field> fields = new ArrayList<>();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      Field field = valueField(String.valueOf(entry.getKey()), entry.getValue());
      // A null, an empty map or an empty list says nothing about the column's type: it is added
      // when a record that carries a value arrives.
      if (field != null) {
        fields.add(field);
      }
    }
    return fields;
  }

  private static Field valueField(String name, Object value) {
    if (value == null) {
      return null;
    } else if (value instanceof Map<?, ?> m) {
      List<Field> nested = fromMap(m);
      return nested.isEmpty() ? null
          : Field.newBuilder(name, StandardSQLTypeName.STRUCT, FieldList.of(nested)).setMode(Field.Mode.NULLABLE).build();
    } else if (value instanceof Struct s) {
      return Field.newBuilder(name, StandardSQLTypeName.STRUCT, FieldList.of(fromConnect(s.schema())))
          .setMode(Field.Mode.NULLABLE).build();
    } else if (value instanceof Collection<?> c) {
      Object first = c.stream().filter(e -> e != null).findFirst().orElse(null);
      if (first instanceof Collection<?>) {
        throw new DataException("field '" + name + "' is a list of lists, which BigQuery cannot hold");
      }
      Field element = valueField(name, first);
      return element == null ? null : element.toBuilder().setMode(Field.Mode.REPEATED).build();
    }
    return nullable(name, scalarType(name, value));
  }

  private static StandardSQLTypeName scalarType(String name, Object value) {
    if (value instanceof String) {
      return StandardSQLTypeName.STRING;
    } else if (value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long) {
      return StandardSQLTypeName.INT64;
    } else if (value instanceof Float || value instanceof Double) {
      return StandardSQLTypeName.FLOAT64;
    } else if (value instanceof BigDecimal d) {
      return d.scale() > NUMERIC_MAX_SCALE ? StandardSQLTypeName.BIGNUMERIC : StandardSQLTypeName.NUMERIC;
    } else if (value instanceof Boolean) {
      return StandardSQLTypeName.BOOL;
    } else if (value instanceof Date || value instanceof java.time.Instant || value instanceof java.time.OffsetDateTime) {
      return StandardSQLTypeName.TIMESTAMP;
    } else if (value instanceof java.time.LocalDate) {
      return StandardSQLTypeName.DATE;
    } else if (value instanceof byte[] || value instanceof ByteBuffer) {
      return StandardSQLTypeName.BYTES;
    }
    throw new DataException("field '" + name + "' is a " + describe(value) + ", which has no BigQuery column type");
  }

  private static Field nullable(String name, StandardSQLTypeName type) {
    return Field.newBuilder(name, type).setMode(Field.Mode.NULLABLE).build();
  }

  /**
   * The table's schema with the columns of {@code incoming} it lacks appended (as NULLABLE, or
   * REPEATED for lists), nested fields inside their RECORD; the same object when nothing is
   * missing. Existing columns keep their position, type and mode.
   */
  static Schema withMissingColumns(Schema table, Schema incoming) {
    FieldList merged = merge(table.getFields(), incoming.getFields());
    return merged == table.getFields() ? table : Schema.of(merged);
  }

  private static FieldList merge(FieldList existing, FieldList incoming) {
    List<Field> result = new ArrayList<>(existing);
    boolean changed = false;
    for (Field field : incoming) {
      Field current = find(existing, field.getName());
      if (current == null) {
        result.add(relaxed(field));
        changed = true;
      } else if (current.getType().getStandardType() == StandardSQLTypeName.STRUCT
          && field.getType().getStandardType() == StandardSQLTypeName.STRUCT) {
        FieldList sub = merge(current.getSubFields(), field.getSubFields());
        if (sub != current.getSubFields()) {
          result.set(result.indexOf(current), current.toBuilder().setType(StandardSQLTypeName.STRUCT, sub).build());
          changed = true;
        }
      }
    }
    return changed ? FieldList.of(result) : existing;
  }

  private static Field relaxed(Field field) {
    Field.Builder builder = field.toBuilder()
        .setMode(field.getMode() == Field.Mode.REPEATED ? Field.Mode.REPEATED : Field.Mode.NULLABLE);
    if (field.getSubFields() != null) {
      List<Field> sub = new ArrayList<>();
      field.getSubFields().forEach(f -> sub.add(relaxed(f)));
      builder.setType(StandardSQLTypeName.STRUCT, FieldList.of(sub));
    }
    return builder.build();
  }

  /** A field by name, as BigQuery matches column names: ignoring case. */
  static Field find(FieldList fields, String name) {
    if (fields == null) {
      return null;
    }
    for (Field field : fields) {
      if (field.getName().equalsIgnoreCase(name)) {
        return field;
      }
    }
    return null;
  }

  static String describe(Object value) {
    return value == null ? "null" : value.getClass().getSimpleName();
  }
}
