package io.streametl.sink.state;

import io.streametl.common.fieldpath.ValueTypes;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

/**
 * Encodes Connect values into bytes such that two values get the same bytes exactly when they are
 * the same value: every value starts with a type tag, and every variable-length part with its
 * length, so ("ab", "c") and ("a", "bc") differ. Equal means, per family:
 *
 * <ul>
 *   <li>integers (int8 to int64, and big integers) by value: {@code 5} as int32 equals {@code 5L};
 *   <li>decimals by value, scale ignored: {@code 12.30} equals {@code 12.3};
 *   <li>floating point (float32 is widened) by value, with {@code -0.0} equal to {@code 0.0} and
 *       all NaNs equal;
 *   <li>strings by their UTF-8 bytes; bytes by content; timestamps, dates and times by epoch
 *       millis; booleans; null;
 *   <li>arrays element by element; maps and structs alike, as entries sorted by encoded key (so
 *       map order never matters, and a struct equals a map with the same field names and values).
 * </ul>
 *
 * <p>Values of different families never collide (an integer {@code 1} is not the string "1").
 * The encoding is persisted through its hash in dedup state files: changing it changes every key,
 * so it is versioned by the files' key scheme. Instances reuse one buffer and are not thread-safe.
 */
public final class CanonicalEncoder {

  // Tags are part of the persisted key scheme: never renumber them.
  private static final byte NULL = 0;
  private static final byte ABSENT = 1;
  private static final byte FALSE = 2;
  private static final byte TRUE = 3;
  private static final byte INTEGER = 4;
  private static final byte BIG_INTEGER = 5;
  private static final byte DOUBLE = 6;
  private static final byte DECIMAL = 7;
  private static final byte STRING = 8;
  private static final byte BYTES = 9;
  private static final byte TIMESTAMP = 10;
  private static final byte ARRAY = 11;
  private static final byte MAP = 12;
  private static final byte TUPLE = 13;

  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private byte[] buffer = new byte[64];
  private int length;

  /** Starts a new encoding, forgetting the previous one. */
  public CanonicalEncoder reset() {
    length = 0;
    return this;
  }

  /** Announces that {@code count} values follow, so tuples of different sizes never collide. */
  public CanonicalEncoder tuple(int count) {
    putByte(TUPLE);
    putInt(count);
    return this;
  }

  /** Marks a field that the record does not have (distinct from a field holding null). */
  public CanonicalEncoder absent() {
    putByte(ABSENT);
    return this;
  }

  /**
   * Appends one value.
   *
   * @param what names the value in an error message, e.g. "the dedup key field 'user.id'"
   * @throws DataException if the value's type cannot be encoded (the message names its type only)
   */
  public CanonicalEncoder value(Object value, String what) {
    if (value == null) {
      putByte(NULL);
    } else if (value instanceof String s) {
      putString(s);
    } else if (value instanceof Long || value instanceof Integer || value instanceof Short
        || value instanceof Byte) {
      putLong(INTEGER, ((Number) value).longValue());
    } else if (value instanceof Boolean b) {
      putByte(b ? TRUE : FALSE);
    } else if (value instanceof Double || value instanceof Float) {
      putDouble(((Number) value).doubleValue());
    } else if (value instanceof BigDecimal d) {
      putDecimal(d);
    } else if (value instanceof BigInteger i) {
      putBigInteger(i);
    } else if (value instanceof Date d) {
      putLong(TIMESTAMP, d.getTime());
    } else if (value instanceof byte[] b) {
      putBytes(BYTES, b);
    } else if (value instanceof ByteBuffer b) {
      ByteBuffer copy = b.duplicate();
      byte[] bytes = new byte[copy.remaining()];
      copy.get(bytes);
      putBytes(BYTES, bytes);
    } else if (value instanceof List<?> list) {
      putByte(ARRAY);
      putInt(list.size());
      for (Object element : list) {
        value(element, what);
      }
    } else if (value instanceof Map<?, ?> map) {
      List<byte[][]> entries = new ArrayList<>(map.size());
      map.forEach((k, v) -> entries.add(entry(k, v, what)));
      putEntries(entries);
    } else if (value instanceof Struct struct) {
      List<byte[][]> entries = new ArrayList<>();
      for (Field field : struct.schema().fields()) {
        entries.add(entry(field.name(), struct.get(field), what));
      }
      putEntries(entries);
    } else {
      throw new DataException(what + " holds " + ValueTypes.withArticle(ValueTypes.describe(value))
          + ", which cannot be used as a key or group value");
    }
    return this;
  }

  /** The encoded bytes (a copy). */
  public byte[] toByteArray() {
    return Arrays.copyOf(buffer, length);
  }

  /** The hash of the encoded bytes. */
  public KeyHash hash() {
    return Murmur3.hash128(buffer, 0, length);
  }

  private static byte[][] entry(Object key, Object value, String what) {
    CanonicalEncoder encoder = new CanonicalEncoder();
    byte[] encodedKey = encoder.value(key, what).toByteArray();
    byte[] encodedValue = encoder.reset().value(value, what).toByteArray();
    return new byte[][] {encodedKey, encodedValue};
  }

  private void putEntries(List<byte[][]> entries) {
    entries.sort((a, b) -> Arrays.compareUnsigned(a[0], b[0]));
    putByte(MAP);
    putInt(entries.size());
    for (byte[][] entry : entries) {
      putRaw(entry[0]);
      putRaw(entry[1]);
    }
  }

  private void putDouble(double v) {
    double canonical = v == 0.0 ? 0.0 : v; // -0.0 == 0.0 is true, so this maps -0.0 to 0.0
    putLong(DOUBLE, Double.doubleToLongBits(canonical)); // doubleToLongBits folds every NaN into one
  }

  private void putDecimal(BigDecimal d) {
    BigDecimal stripped = d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
    putByte(DECIMAL);
    putInt(stripped.scale());
    byte[] unscaled = stripped.unscaledValue().toByteArray();
    putInt(unscaled.length);
    putRaw(unscaled);
  }

  private void putBigInteger(BigInteger i) {
    if (i.compareTo(LONG_MIN) >= 0 && i.compareTo(LONG_MAX) <= 0) {
      putLong(INTEGER, i.longValue());
    } else {
      putBytes(BIG_INTEGER, i.toByteArray());
    }
  }

  /**
   * The same bytes as {@code putBytes(STRING, s.getBytes(UTF_8))}, encoded straight into the
   * buffer: every record's dedup key and group values are strings, and the intermediate array per
   * string was a measurable share of the sink's allocations. An unpaired surrogate becomes '?', as
   * {@code String.getBytes} replaces it.
   */
  private void putString(String s) {
    int chars = s.length();
    putByte(STRING);
    ensure(4 + 3 * chars); // UTF-8 needs at most 3 bytes per char (4 per surrogate pair of 2 chars)
    int lengthAt = length;
    length += 4;
    int start = length;
    for (int i = 0; i < chars; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        buffer[length++] = (byte) c;
      } else if (c < 0x800) {
        buffer[length++] = (byte) (0xc0 | (c >> 6));
        buffer[length++] = (byte) (0x80 | (c & 0x3f));
      } else if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < chars && Character.isLowSurrogate(s.charAt(i + 1))) {
          int codePoint = Character.toCodePoint(c, s.charAt(++i));
          buffer[length++] = (byte) (0xf0 | (codePoint >> 18));
          buffer[length++] = (byte) (0x80 | ((codePoint >> 12) & 0x3f));
          buffer[length++] = (byte) (0x80 | ((codePoint >> 6) & 0x3f));
          buffer[length++] = (byte) (0x80 | (codePoint & 0x3f));
        } else {
          buffer[length++] = (byte) '?';
        }
      } else {
        buffer[length++] = (byte) (0xe0 | (c >> 12));
        buffer[length++] = (byte) (0x80 | ((c >> 6) & 0x3f));
        buffer[length++] = (byte) (0x80 | (c & 0x3f));
      }
    }
    int bytes = length - start;
    buffer[lengthAt] = (byte) (bytes >>> 24);
    buffer[lengthAt + 1] = (byte) (bytes >>> 16);
    buffer[lengthAt + 2] = (byte) (bytes >>> 8);
    buffer[lengthAt + 3] = (byte) bytes;
  }

  private void putBytes(byte tag, byte[] bytes) {
    putByte(tag);
    putInt(bytes.length);
    putRaw(bytes);
  }

  private void putLong(byte tag, long v) {
    putByte(tag);
    ensure(8);
    for (int shift = 56; shift >= 0; shift -= 8) {
      buffer[length++] = (byte) (v >>> shift);
    }
  }

  private void putInt(int v) {
    ensure(4);
    buffer[length++] = (byte) (v >>> 24);
    buffer[length++] = (byte) (v >>> 16);
    buffer[length++] = (byte) (v >>> 8);
    buffer[length++] = (byte) v;
  }

  private void putByte(byte b) {
    ensure(1);
    buffer[length++] = b;
  }

  private void putRaw(byte[] bytes) {
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buffer, length, bytes.length);
    length += bytes.length;
  }

  private void ensure(int more) {
    if (length + more > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
    }
  }
}
