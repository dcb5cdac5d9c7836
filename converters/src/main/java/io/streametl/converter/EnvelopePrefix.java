package io.streametl.converter;

import java.util.Arrays;
import org.apache.kafka.connect.data.Schema;

/**
 * The bytes of a JsonConverter envelope up to its payload ({@code {"schema":{...},"payload":}) and
 * the Connect schema that JsonConverter decoded from them. A record that starts with exactly these
 * bytes has this schema: the same bytes parse to the same schema.
 */
record EnvelopePrefix(byte[] bytes, Schema schema) {

  /**
   * How many bytes at the prefix's end are compared first. JsonConverter writes a schema's name,
   * version and doc after its fields, so versions of one schema differ there, not at the start.
   */
  private static final int TAIL = 48;

  /** Whether {@code value} starts with this prefix and has bytes after it (the payload). */
  boolean startsWith(byte[] value) {
    int length = bytes.length;
    if (value.length <= length) {
      return false;
    }
    int tail = Math.max(0, length - TAIL);
    return Arrays.equals(value, tail, length, bytes, tail, length)
        && Arrays.equals(value, 0, tail, bytes, 0, tail);
  }

  int length() {
    return bytes.length;
  }
}
