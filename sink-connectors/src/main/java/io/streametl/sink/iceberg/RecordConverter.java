package io.streametl.sink.iceberg;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

/**
 * Converts a Connect value (Struct or schemaless Map) into an Iceberg record of a table's schema.
 * Conversions widen where no information is lost (an int into a long column, an ISO-8601 string
 * or epoch milliseconds into a timestamp) and otherwise fail with a {@link DataException} that
 * names the column and the expected type, never the value itself, so the message is safe to put
 * in a dead-letter queue header or a log.
 */
public final class RecordConverter {

  private final Types.StructType tableType;
  /** The layout of each struct type met so far, by identity; see {@link #layout}. */
  private final Map<Types.StructType, StructLayout> layouts = new IdentityHashMap<>();

  public RecordConverter(org.apache.iceberg.Schema tableSchema) {
    this.tableType = tableSchema.asStruct();
  }

  public Record convert(Object value) {
    if (!(value instanceof Struct) && !(value instanceof Map)) {
      throw new DataException("the record value is a " + SchemaInference.describe(value)
          + ", not a Struct or Map; only structured values can be written as table rows");
    }
    return struct(value, tableType, "");
  }

  /**
   * The layout of a struct type reached at {@code prefix}. The table's types are fixed, so this
   * finds the same layout for every record; a type met at another prefix (a struct inside a list
   * element, whose prefix is built per element) gets a layout for that prefix.
   */
  private StructLayout layout(Types.StructType type, String prefix) {
    StructLayout layout = layouts.get(type);
    if (layout == null || !layout.prefix().equals(prefix)) {
      layout = new StructLayout(type, prefix);
      layouts.put(type, layout);
    }
    return layout;
  }

  private Record struct(Object value, Types.StructType type, String prefix) {
    StructLayout layout = layout(type, prefix);
    return value instanceof Struct struct ? fromStruct(struct, layout) : fromMap((Map<?, ?>) value, layout);
  }

  private Record fromStruct(Struct struct, StructLayout layout) {
    StructBinding binding = layout.binding(struct.schema());
    rejectUnknownFields(struct, binding, layout.prefix());
    GenericRecord record = layout.newRow();
    for (int i = 0; i < layout.size(); i++) {
      Field field = binding.fieldOfColumn(i);
      Object fieldValue = field == null ? null : struct.get(field);
      setColumn(record, layout, i, fieldValue);
    }
    return record;
  }

  private Record fromMap(Map<?, ?> map, StructLayout layout) {
    rejectUnknownFields(map, layout.type(), layout.prefix());
    GenericRecord record = layout.newRow();
    for (int i = 0; i < layout.size(); i++) {
      setColumn(record, layout, i, map.get(layout.column(i).name()));
    }
    return record;
  }

  private void setColumn(GenericRecord record, StructLayout layout, int index, Object fieldValue) {
    Types.NestedField column = layout.column(index);
    if (fieldValue == null) {
      if (column.isRequired()) {
        throw new DataException("column '" + layout.columnPath(index) + "' is required but the record has no value for it");
      }
      return;
    }
    record.set(index, convert(fieldValue, column.type(), layout.columnPath(index), layout.nestedPrefix(index)));
  }

  /**
   * A field the table has no column for would be dropped without a trace: such a record is
   * rejected, and schema evolution (when enabled) adds the columns and converts it again.
   */
  private static void rejectUnknownFields(Struct struct, StructBinding binding, String path) {
    List<String> unknown = null;
    for (Field field : binding.fieldsWithoutColumn()) {
      if (struct.get(field) != null) {
        if (unknown == null) {
          unknown = new ArrayList<>();
        }
        unknown.add(path + field.name());
      }
    }
    if (unknown != null) {
      throw new SchemaMismatchException("the record has fields the table has no columns for: " + unknown);
    }
  }

  private static void rejectUnknownFields(Map<?, ?> map, Types.StructType type, String path) {
    List<String> unknown = new ArrayList<>();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (type.field(String.valueOf(entry.getKey())) == null && entry.getValue() != null) {
        unknown.add(path + entry.getKey());
      }
    }
    if (!unknown.isEmpty()) {
      throw new SchemaMismatchException("the record has fields the table has no columns for: " + unknown);
    }
  }

  private Object convert(Object value, Type type, String path) {
    return convert(value, type, path, null);
  }

  /** @param nestedPrefix {@code path + "."} when the caller has it at hand, else null */
  private Object convert(Object value, Type type, String path, String nestedPrefix) {
    try {
      return switch (type.typeId()) {
        case STRING -> asString(value, path);
        case BOOLEAN -> as(value, Boolean.class, path, "a boolean");
        case INTEGER -> asInt(value, path);
        case LONG -> asLong(value, path);
        case FLOAT -> asNumber(value, path, "a float").floatValue();
        case DOUBLE -> asNumber(value, path, "a double").doubleValue();
        case DECIMAL -> asDecimal(value, (Types.DecimalType) type, path);
        case TIMESTAMP -> asTimestamp(value, ((Types.TimestampType) type).shouldAdjustToUTC(), path);
        case DATE -> asDate(value, path);
        case TIME -> asTime(value, path);
        case BINARY, FIXED -> asBytes(value, path);
        case UUID -> value instanceof UUID ? value : UUID.fromString(asString(value, path));
        case STRUCT -> {
          if (!(value instanceof Struct) && !(value instanceof Map)) {
            throw mismatch(path, "a struct", value);
          }
          yield struct(value, type.asStructType(), nestedPrefix != null ? nestedPrefix : path + ".");
        }
        case LIST -> asList(value, type.asListType(), path);
        case MAP -> asMap(value, type.asMapType(), path);
        default -> throw new DataException("column '" + path + "' has type " + type
            + ", which this sink cannot write yet");
      };
    } catch (DateTimeParseException | IllegalArgumentException e) {
      throw new DataException("column '" + path + "' expects " + type + " but the value could not be parsed as one", e);
    }
  }

  private static String asString(Object value, String path) {
    if (value instanceof CharSequence s) {
      return s.toString();
    }
    throw mismatch(path, "a string", value);
  }

  private static <T> T as(Object value, Class<T> type, String path, String expected) {
    if (type.isInstance(value)) {
      return type.cast(value);
    }
    throw mismatch(path, expected, value);
  }

  private static Number asNumber(Object value, String path, String expected) {
    if (value instanceof Number n) {
      return n;
    }
    throw mismatch(path, expected, value);
  }

  private static int asInt(Object value, String path) {
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).intValue();
    }
    if (value instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
      return l.intValue();
    }
    throw mismatch(path, "an int", value);
  }

  private static long asLong(Object value, String path) {
    if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    throw mismatch(path, "a long", value);
  }

  private static BigDecimal asDecimal(Object value, Types.DecimalType type, String path) {
    BigDecimal decimal;
    if (value instanceof BigDecimal d) {
      decimal = d;
    } else if (value instanceof Double || value instanceof Float) {
      // Double.toString gives the shortest decimal that round-trips, so 12.3 stays 12.3.
      decimal = new BigDecimal(value.toString());
    } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      decimal = BigDecimal.valueOf(((Number) value).longValue());
    } else {
      throw mismatch(path, "a decimal number", value);
    }
    BigDecimal scaled;
    try {
      scaled = decimal.setScale(type.scale(), RoundingMode.UNNECESSARY);
    } catch (ArithmeticException e) {
      throw new DataException("column '" + path + "' is " + type + " but the value has more than "
          + type.scale() + " decimal places");
    }
    if (scaled.precision() > type.precision()) {
      throw new DataException("column '" + path + "' is " + type + " but the value has more than "
          + type.precision() + " digits");
    }
    return scaled;
  }

  private static Object asTimestamp(Object value, boolean withZone, String path) {
    OffsetDateTime utc;
    if (value instanceof Date d) {
      utc = atUtc(d.toInstant());
    } else if (value instanceof Long millis) {
      utc = atUtc(Instant.ofEpochMilli(millis));
    } else if (value instanceof OffsetDateTime o) {
      utc = o;
    } else if (value instanceof Instant i) {
      utc = atUtc(i);
    } else if (value instanceof CharSequence s) {
      utc = parseTimestamp(s.toString());
    } else {
      throw mismatch(path, "a timestamp (Connect Timestamp, epoch milliseconds or ISO-8601 text)", value);
    }
    return withZone ? utc : utc.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
  }

  /**
   * {@code instant.atOffset(ZoneOffset.UTC)}, the same value, without the ZoneRules object (and the
   * ConcurrentHashMap inside it) that Java 17's ZoneOffset.getRules() builds anew on every call.
   */
  static OffsetDateTime atUtc(Instant instant) {
    return OffsetDateTime.of(LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC),
        ZoneOffset.UTC);
  }

  private static OffsetDateTime parseTimestamp(String text) {
    try {
      return OffsetDateTime.parse(text);
    } catch (DateTimeParseException e) {
      // A local date-time without an offset is read as UTC, as Iceberg's own string conversions do.
      return LocalDateTime.parse(text).atOffset(ZoneOffset.UTC);
    }
  }

  private static LocalDate asDate(Object value, String path) {
    if (value instanceof Date d) {
      return atUtc(d.toInstant()).toLocalDate();
    } else if (value instanceof Integer days) {
      return LocalDate.ofEpochDay(days);
    } else if (value instanceof CharSequence s) {
      return LocalDate.parse(s);
    }
    throw mismatch(path, "a date", value);
  }

  private static LocalTime asTime(Object value, String path) {
    if (value instanceof Date d) {
      return LocalTime.ofNanoOfDay(d.getTime() * 1_000_000L);
    } else if (value instanceof CharSequence s) {
      return LocalTime.parse(s);
    }
    throw mismatch(path, "a time of day", value);
  }

  private static ByteBuffer asBytes(Object value, String path) {
    if (value instanceof byte[] b) {
      return ByteBuffer.wrap(b);
    } else if (value instanceof ByteBuffer b) {
      return b;
    }
    throw mismatch(path, "bytes", value);
  }

  private List<Object> asList(Object value, Types.ListType type, String path) {
    if (!(value instanceof Collection<?> collection)) {
      throw mismatch(path, "a list", value);
    }
    List<Object> result = new ArrayList<>(collection.size());
    for (Object element : collection) {
      result.add(element == null ? null : convert(element, type.elementType(), path + "[]"));
    }
    return result;
  }

  private Map<Object, Object> asMap(Object value, Types.MapType type, String path) {
    if (!(value instanceof Map<?, ?> map)) {
      throw mismatch(path, "a map", value);
    }
    Map<Object, Object> result = new HashMap<>();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      Object key = convert(entry.getKey(), type.keyType(), path + ".key");
      result.put(key, entry.getValue() == null ? null : convert(entry.getValue(), type.valueType(), path + ".value"));
    }
    return result;
  }

  private static DataException mismatch(String path, String expected, Object value) {
    return new SchemaMismatchException("column '" + path + "' expects " + expected + " but the record has a "
        + SchemaInference.describe(value));
  }
}
