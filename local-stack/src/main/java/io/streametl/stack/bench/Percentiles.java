package io.streametl.stack.bench;

import java.util.Arrays;

/**
 * Nearest-rank percentiles: the p-th percentile of n sorted values is the value at rank
 * ceil(p / 100 * n) (1-based), so it is always one of the measured values and p100 is the maximum.
 */
public final class Percentiles {

  private Percentiles() {}

  /** The summary of {@code values} (not modified); at least one value is needed. */
  public static LatencySummary summarize(long[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("No values to take percentiles of");
    }
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return new LatencySummary(sorted.length, nearestRank(sorted, 50), nearestRank(sorted, 99),
        sorted[sorted.length - 1]);
  }

  /** The nearest-rank percentile of values sorted in ascending order. */
  static long nearestRank(long[] sorted, double percentile) {
    if (sorted.length == 0) {
      throw new IllegalArgumentException("No values to take percentiles of");
    }
    if (!(percentile > 0 && percentile <= 100)) {
      throw new IllegalArgumentException("A percentile is in (0, 100], got " + percentile);
    }
    int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }
}
