package io.streametl.sink.iceberg;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import org.apache.iceberg.StructLike;

/**
 * Estimates the uncompressed size of a row, for the bytes-per-commit trigger. Iceberg's rolling
 * writers do not report the size of the files they have open, so the sink counts what it hands
 * them instead; the estimate errs high (no encoding or compression is assumed).
 */
final class RowSizeEstimator {

  private RowSizeEstimator() {}

  static long estimate(Object value) {
    if (value == null) {
      return 1;
    }
    // The usual row values first, by exact class: these classes implement none of the interfaces
    // below, and on Java 17 every failed interface check scans the class's supertypes, which for
    // a row of numbers and times made this estimate a few percent of the task's time.
    Class<?> type = value.getClass();
    if (type == String.class) {
      return ((String) value).length();
    }
    if (type == Long.class || type == Integer.class || type == OffsetDateTime.class || type == BigDecimal.class
        || type == Double.class || type == Boolean.class || type == LocalDateTime.class || type == LocalDate.class
        || type == Float.class || type == LocalTime.class || type == UUID.class) {
      return 8;
    }
    if (value instanceof CharSequence s) {
      return s.length();
    } else if (value instanceof ByteBuffer b) {
      return b.remaining();
    } else if (value instanceof StructLike struct) {
      long size = 0;
      for (int i = 0; i < struct.size(); i++) {
        size += estimate(struct.get(i, Object.class));
      }
      return size;
    } else if (value instanceof Collection<?> c) {
      long size = 0;
      for (Object element : c) {
        size += estimate(element);
      }
      return size;
    } else if (value instanceof Map<?, ?> m) {
      long size = 0;
      for (Map.Entry<?, ?> entry : m.entrySet()) {
        size += estimate(entry.getKey()) + estimate(entry.getValue());
      }
      return size;
    }
    return 8;
  }
}
