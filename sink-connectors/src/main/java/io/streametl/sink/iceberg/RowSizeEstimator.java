package io.streametl.sink.iceberg;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;
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
    } else if (value instanceof CharSequence s) {
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
