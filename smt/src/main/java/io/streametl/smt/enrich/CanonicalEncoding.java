package io.streametl.smt.enrich;

import io.streametl.common.fieldpath.FieldValue;
import io.streametl.smt.ScalarText;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

/**
 * The byte encoding a derived event id hashes: a version byte, then each chosen field in order,
 * each value as a type tag followed by a fixed-width or length-prefixed body, so no two different
 * field lists share an encoding (("ab", "c") and ("a", "bc") differ in their lengths).
 *
 * <p>Version 1, the one this class writes (lengths and counts are 4-byte big-endian):
 *
 * <table>
 *   <caption>Tags</caption>
 *   <tr><th>value</th><th>bytes</th></tr>
 *   <tr><td>field absent</td><td>0x00</td></tr>
 *   <tr><td>null</td><td>0x01</td></tr>
 *   <tr><td>boolean</td><td>0x02, then 0x00 or 0x01</td></tr>
 *   <tr><td>number (any width, float or Decimal)</td><td>0x03, then the length and UTF-8 of its
 *       plain decimal text without trailing zeros, so int32 7, int64 7 and Decimal 7.00 agree</td></tr>
 *   <tr><td>string</td><td>0x04, then the length and the UTF-8 bytes</td></tr>
 *   <tr><td>bytes</td><td>0x05, then the length and the bytes</td></tr>
 *   <tr><td>timestamp (Date)</td><td>0x06, then 8 bytes of epoch milliseconds</td></tr>
 *   <tr><td>array</td><td>0x07, then the element count and each element</td></tr>
 *   <tr><td>struct or map</td><td>0x08, then the entry count and, by key in String order, each
 *       key (as a string, tag included) and value; a Struct and a Map with the same entries
 *       agree</td></tr>
 * </table>
 *
 * <p>The encoding is a compatibility promise: ids computed by one release must be computed the
 * same by every later one, so a change means a new version, chosen by config.
 */
final class CanonicalEncoding {

  static final byte VERSION = 1;

  private static final byte ABSENT = 0x00;
  private static final byte NULL = 0x01;
  private static final byte BOOLEAN = 0x02;
  private static final byte NUMBER = 0x03;
  private static final byte STRING = 0x04;
  private static final byte BYTES = 0x05;
  private static final byte TIMESTAMP = 0x06;
  private static final byte ARRAY = 0x07;
  private static final byte RECORD = 0x08;

  private CanonicalEncoding() {}

  /**
   * The encoding of the fields found, in order.
   *
   * @throws DataException if a value is of a type Connect does not define
   */
  static byte[] encode(List<FieldValue> fields) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    out.write(VERSION);
    for (FieldValue field : fields) {
      if (field.isPresent()) {
        value(out, field.value());
      } else {
        out.write(ABSENT);
      }
    }
    return out.toByteArray();
  }

  private static void value(ByteArrayOutputStream out, Object value) {
    if (value == null) {
      out.write(NULL);
    } else if (value instanceof Boolean) {
      out.write(BOOLEAN);
      out.write((Boolean) value ? 1 : 0);
    } else if (value instanceof Number) {
      out.write(NUMBER);
      lengthPrefixed(out, ScalarText.number((Number) value).getBytes(StandardCharsets.UTF_8));
    } else if (value instanceof String) {
      out.write(STRING);
      lengthPrefixed(out, ((String) value).getBytes(StandardCharsets.UTF_8));
    } else if (value instanceof byte[]) {
      out.write(BYTES);
      lengthPrefixed(out, (byte[]) value);
    } else if (value instanceof ByteBuffer) {
      ByteBuffer buffer = ((ByteBuffer) value).duplicate();
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      out.write(BYTES);
      lengthPrefixed(out, bytes);
    } else if (value instanceof Date) {
      out.write(TIMESTAMP);
      out.writeBytes(ByteBuffer.allocate(Long.BYTES).putLong(((Date) value).getTime()).array());
    } else if (value instanceof List) {
      List<?> list = (List<?>) value;
      out.write(ARRAY);
      count(out, list.size());
      for (Object element : list) {
        value(out, element);
      }
    } else if (value instanceof Struct) {
      Struct struct = (Struct) value;
      Map<String, Object> entries = new TreeMap<>();
      for (Field field : struct.schema().fields()) {
        entries.put(field.name(), struct.get(field));
      }
      record(out, entries);
    } else if (value instanceof Map) {
      Map<String, Object> entries = new TreeMap<>();
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        entries.put(String.valueOf(entry.getKey()), entry.getValue());
      }
      record(out, entries);
    } else {
      throw new DataException(
          "DeriveEventId: cannot encode a value of type " + value.getClass().getSimpleName()
              + "; only Connect's types are supported");
    }
  }

  private static void record(ByteArrayOutputStream out, Map<String, Object> sortedEntries) {
    out.write(RECORD);
    count(out, sortedEntries.size());
    for (Map.Entry<String, Object> entry : sortedEntries.entrySet()) {
      value(out, entry.getKey());
      value(out, entry.getValue());
    }
  }

  private static void lengthPrefixed(ByteArrayOutputStream out, byte[] bytes) {
    count(out, bytes.length);
    out.writeBytes(bytes);
  }

  private static void count(ByteArrayOutputStream out, int count) {
    out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(count).array());
  }
}
