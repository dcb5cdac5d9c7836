package io.streametl.sink.bigquery;

import com.google.api.services.bigquery.model.TableFieldSchema;
import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How {@link FakeBigQuery} reads AppendRows data, following the Storage Write API's contract: the
 * writer schema (a self-contained DescriptorProto) must match the stream's table schema by field name
 * and a compatible wire type, or the whole request fails (schema mismatch); a row whose values
 * BigQuery cannot store (a timestamp outside years 1 to 9999, an unparsable or too precise NUMERIC,
 * a missing REQUIRED value) is a row error.
 */
final class FakeRowDecoder {

  private static final long MIN_MICROS = -62_135_596_800_000_000L;
  private static final long MAX_MICROS = 253_402_300_799_999_999L;

  /** A row BigQuery would reject, with its reason. */
  static final class RowProblem extends Exception {
    RowProblem(String message) {
      super(message);
    }
  }

  private final Descriptor descriptor;
  private final List<TableFieldSchema> schema;

  private FakeRowDecoder(Descriptor descriptor, List<TableFieldSchema> schema) {
    this.descriptor = descriptor;
    this.schema = schema;
  }

  /**
   * @throws IllegalArgumentException with BigQuery's kind of message when the writer schema does
   *     not match the table schema
   */
  static FakeRowDecoder of(DescriptorProto writerSchema, List<TableFieldSchema> schema) {
    Descriptor descriptor;
    try {
      descriptor = Descriptors.FileDescriptor.buildFrom(
          FileDescriptorProto.newBuilder().setName("writer.proto").addMessageType(writerSchema).build(),
          new Descriptors.FileDescriptor[0]).findMessageTypeByName(writerSchema.getName());
    } catch (Descriptors.DescriptorValidationException e) {
      throw new IllegalArgumentException("Invalid proto schema: " + e.getMessage());
    }
    check(descriptor, schema, "");
    return new FakeRowDecoder(descriptor, schema);
  }

  private static void check(Descriptor descriptor, List<TableFieldSchema> schema, String path) {
    for (FieldDescriptor field : descriptor.getFields()) {
      TableFieldSchema column = FakeBigQueryState.find(schema, field.getName());
      if (column == null) {
        throw new IllegalArgumentException("Input schema has more fields than BigQuery schema, extra fields: '"
            + path + field.getName() + "'");
      }
      String type = FakeBigQueryState.canonicalType(column.getType());
      boolean repeated = FakeBigQueryState.mode(column).equals("REPEATED");
      if (field.isRepeated() != repeated || !compatible(field.getType(), type)) {
        throw new IllegalArgumentException("The proto field mismatched with BigQuery field at " + path
            + field.getName() + ", the proto field type " + field.getType() + (field.isRepeated() ? " (repeated)" : "")
            + ", BigQuery field type " + type + (repeated ? " (REPEATED)" : ""));
      }
      if (type.equals("STRUCT")) {
        check(field.getMessageType(), column.getFields(), path + field.getName() + ".");
      }
    }
  }

  private static boolean compatible(FieldDescriptor.Type proto, String column) {
    return switch (column) {
      case "INT64" -> proto == FieldDescriptor.Type.INT64 || proto == FieldDescriptor.Type.INT32
          || proto == FieldDescriptor.Type.SINT64 || proto == FieldDescriptor.Type.SINT32;
      case "TIMESTAMP" -> proto == FieldDescriptor.Type.INT64 || proto == FieldDescriptor.Type.STRING;
      case "DATE" -> proto == FieldDescriptor.Type.INT32 || proto == FieldDescriptor.Type.INT64
          || proto == FieldDescriptor.Type.STRING;
      case "FLOAT64" -> proto == FieldDescriptor.Type.DOUBLE || proto == FieldDescriptor.Type.FLOAT;
      case "BOOL" -> proto == FieldDescriptor.Type.BOOL;
      case "BYTES" -> proto == FieldDescriptor.Type.BYTES;
      case "STRING", "TIME", "DATETIME", "JSON", "GEOGRAPHY" -> proto == FieldDescriptor.Type.STRING;
      case "NUMERIC", "BIGNUMERIC" -> proto == FieldDescriptor.Type.STRING || proto == FieldDescriptor.Type.BYTES;
      case "STRUCT" -> proto == FieldDescriptor.Type.MESSAGE;
      default -> false;
    };
  }

  /** The row as column name to value (Long micros for TIMESTAMP, Integer days for DATE). */
  Map<String, Object> decode(ByteString bytes) throws RowProblem {
    try {
      return row(DynamicMessage.parseFrom(descriptor, bytes), schema, "");
    } catch (InvalidProtocolBufferException e) {
      throw new RowProblem("Could not parse the serialized row: " + e.getMessage());
    }
  }

  private static Map<String, Object> row(DynamicMessage message, List<TableFieldSchema> schema, String path)
      throws RowProblem {
    Map<String, Object> row = new LinkedHashMap<>();
    for (TableFieldSchema column : schema) {
      FieldDescriptor field = message.getDescriptorForType().findFieldByName(column.getName());
      if (field == null) {
        for (FieldDescriptor f : message.getDescriptorForType().getFields()) {
          if (f.getName().equalsIgnoreCase(column.getName())) {
            field = f;
          }
        }
      }
      String mode = FakeBigQueryState.mode(column);
      boolean present = field != null && (field.isRepeated() ? message.getRepeatedFieldCount(field) > 0 : message.hasField(field));
      if (!present) {
        if (mode.equals("REQUIRED")) {
          throw new RowProblem("Field " + path + column.getName() + " is REQUIRED but has no value");
        }
        continue;
      }
      if (field.isRepeated()) {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < message.getRepeatedFieldCount(field); i++) {
          values.add(value(message.getRepeatedField(field, i), column, path));
        }
        row.put(column.getName(), values);
      } else {
        row.put(column.getName(), value(message.getField(field), column, path));
      }
    }
    return row;
  }

  private static Object value(Object raw, TableFieldSchema column, String path) throws RowProblem {
    String name = path + column.getName();
    switch (FakeBigQueryState.canonicalType(column.getType())) {
      case "STRUCT" -> {
        return row((DynamicMessage) raw, column.getFields(), name + ".");
      }
      case "INT64" -> {
        return ((Number) raw).longValue();
      }
      case "FLOAT64" -> {
        return ((Number) raw).doubleValue();
      }
      case "TIMESTAMP" -> {
        long micros = raw instanceof Number n ? n.longValue()
            : java.time.Instant.parse(raw.toString()).toEpochMilli() * 1000;
        if (micros < MIN_MICROS || micros > MAX_MICROS) {
          throw new RowProblem("Timestamp field value is out of range: " + micros + " on field " + name);
        }
        return micros;
      }
      case "DATE" -> {
        return raw instanceof Number n ? n.intValue() : (int) java.time.LocalDate.parse(raw.toString()).toEpochDay();
      }
      case "NUMERIC", "BIGNUMERIC" -> {
        try {
          BigDecimal decimal = new BigDecimal(raw.toString());
          int maxScale = FakeBigQueryState.canonicalType(column.getType()).equals("NUMERIC") ? 9 : 38;
          if (decimal.scale() > maxScale) {
            throw new RowProblem("Invalid " + column.getType() + " value on field " + name + ": too many digits after the point");
          }
          return decimal;
        } catch (NumberFormatException e) {
          throw new RowProblem("Invalid " + column.getType() + " value on field " + name);
        }
      }
      case "BYTES" -> {
        return ((ByteString) raw).toByteArray();
      }
      default -> {
        return raw;
      }
    }
  }
}
