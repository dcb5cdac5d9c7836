package io.streametl.common.fieldpath;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Struct;

/**
 * Names the type of a value in Connect's vocabulary ("string", "int64", "struct"), for error
 * messages that must say what a field holds without showing the value itself.
 */
public final class ValueTypes {

  private ValueTypes() {}

  /** The Connect type name of {@code value}'s Java class, e.g. "float64", or "null". */
  public static String describe(Object value) {
    if (value == null) {
      return "null";
    } else if (value instanceof String) {
      return "string";
    } else if (value instanceof Boolean) {
      return "boolean";
    } else if (value instanceof Byte) {
      return "int8";
    } else if (value instanceof Short) {
      return "int16";
    } else if (value instanceof Integer) {
      return "int32";
    } else if (value instanceof Long) {
      return "int64";
    } else if (value instanceof BigInteger) {
      return "big integer";
    } else if (value instanceof Float) {
      return "float32";
    } else if (value instanceof Double) {
      return "float64";
    } else if (value instanceof BigDecimal) {
      return "decimal";
    } else if (value instanceof Date) {
      return "timestamp";
    } else if (value instanceof byte[] || value instanceof ByteBuffer) {
      return "bytes";
    } else if (value instanceof Struct) {
      return "struct";
    } else if (value instanceof Map) {
      return "map";
    } else if (value instanceof List) {
      return "array";
    }
    return value.getClass().getSimpleName();
  }

  /** {@code name} after "a" or "an", as English wants: "an int32", "a string", but "bytes". */
  public static String withArticle(String name) {
    if (name.isEmpty() || name.equals("bytes") || name.equals("null")) {
      return name;
    }
    char first = Character.toLowerCase(name.charAt(0));
    boolean vowel = "aeiou".indexOf(first) >= 0;
    return (vowel ? "an " : "a ") + name;
  }
}
