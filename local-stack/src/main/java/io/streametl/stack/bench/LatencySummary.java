package io.streametl.stack.bench;

import java.util.Locale;

/**
 * Percentiles of a set of latencies in milliseconds (nearest-rank, see {@link Percentiles}).
 *
 * @param count how many values the summary is taken over
 */
public record LatencySummary(long count, long p50Millis, long p99Millis, long maxMillis) {

  /** For example {@code p50 820 ms, p99 1,460 ms, max 1,730 ms (120,000 rows)}. */
  public String describe(String unit) {
    return String.format(Locale.ROOT, "p50 %,d ms, p99 %,d ms, max %,d ms (%,d %s)", p50Millis,
        p99Millis, maxMillis, count, unit);
  }
}
