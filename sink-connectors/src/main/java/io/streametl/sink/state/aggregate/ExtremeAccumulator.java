package io.streametl.sink.state.aggregate;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Min or max. Numbers compare by exact value whatever their Java type; text by Unicode code
 * point, which is how SQL engines order UTF-8 text (Java's own String order differs above
 * U+FFFF), so the fold's MIN/MAX agrees with ours; timestamps by instant.
 */
final class ExtremeAccumulator implements MetricAccumulator {

  private final boolean max;
  private Object best;

  ExtremeAccumulator(boolean max) {
    this.max = max;
  }

  @Override
  public void add(Object input) {
    if (best == null) {
      best = input;
      return;
    }
    int order = compare(input, best);
    if (max ? order > 0 : order < 0) {
      best = input;
    }
  }

  @Override
  public Object result() {
    return best;
  }

  static int compare(Object a, Object b) {
    if (a instanceof String x && b instanceof String y) {
      return compareCodePoints(x, y);
    }
    if (a instanceof Instant x && b instanceof Instant y) {
      return x.compareTo(y);
    }
    if (a instanceof Long x && b instanceof Long y) {
      return Long.compare(x, y);
    }
    if (a instanceof Double x && b instanceof Double y) {
      return Double.compare(x, y);
    }
    return exact((Number) a).compareTo(exact((Number) b));
  }

  private static BigDecimal exact(Number n) {
    if (n instanceof BigDecimal d) {
      return d;
    }
    return n instanceof Long l ? BigDecimal.valueOf(l) : new BigDecimal(n.doubleValue());
  }

  static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int x = a.codePointAt(i);
      int y = b.codePointAt(j);
      if (x != y) {
        return Integer.compare(x, y);
      }
      i += Character.charCount(x);
      j += Character.charCount(y);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }
}
