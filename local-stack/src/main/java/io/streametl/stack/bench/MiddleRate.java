package io.streametl.stack.bench;

import java.util.OptionalDouble;

/**
 * The rate between {@link SinkThroughputRun#MIDDLE_FROM_PERCENT} and {@link
 * SinkThroughputRun#MIDDLE_TO_PERCENT} of a count that is polled now and then: the time each mark
 * was crossed is interpolated between the two polls around it.
 */
final class MiddleRate {

  private final double from;
  private final double to;
  private long lastNanos;
  private long lastCount = -1;
  private double fromNanos = Double.NaN;
  private double toNanos = Double.NaN;

  MiddleRate(long total) {
    this.from = total * SinkThroughputRun.MIDDLE_FROM_PERCENT / 100.0;
    this.to = total * SinkThroughputRun.MIDDLE_TO_PERCENT / 100.0;
  }

  /** A poll's result: the count at {@code nanos} (System.nanoTime). */
  void observe(long nanos, long count) {
    if (lastCount >= 0 && count > lastCount) {
      if (Double.isNaN(fromNanos) && count >= from) {
        fromNanos = crossing(from, nanos, count);
      }
      if (Double.isNaN(toNanos) && count >= to) {
        toNanos = crossing(to, nanos, count);
      }
    }
    lastNanos = nanos;
    lastCount = count;
  }

  private double crossing(double mark, long nanos, long count) {
    double share = (mark - lastCount) / (count - lastCount);
    return lastNanos + Math.max(0, share) * (nanos - lastNanos);
  }

  /** Counts per second between the marks, once both were crossed after a first poll. */
  OptionalDouble perSecond() {
    if (Double.isNaN(fromNanos) || Double.isNaN(toNanos) || toNanos <= fromNanos) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of((to - from) / ((toNanos - fromNanos) / 1e9));
  }
}
