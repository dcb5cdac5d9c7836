package io.streametl.sink;

import java.time.Clock;

/**
 * The pause after a failed commit before the next attempt: exponential from the initial delay up
 * to the maximum, on the task's clock. A catalog or object store that is briefly unavailable is
 * not hammered every commit interval, and the consecutive-failures limit then spans a real outage
 * (1 + 2 + 4 + 8 s with the defaults) instead of a few milliseconds.
 */
final class CommitBackoff {

  private final Clock clock;
  private final long initialMs;
  private final long maxMs;
  private long notBeforeMs = Long.MIN_VALUE;

  CommitBackoff(Clock clock, long initialMs, long maxMs) {
    this.clock = clock;
    this.initialMs = initialMs;
    this.maxMs = Math.max(initialMs, maxMs);
  }

  /** Records the n-th failure in a row and returns the delay before the next attempt. */
  long failed(int consecutiveFailures) {
    int doublings = Math.min(Math.max(consecutiveFailures - 1, 0), 30);
    long delay = Math.min(maxMs, initialMs << doublings);
    notBeforeMs = clock.millis() + delay;
    return delay;
  }

  void succeeded() {
    notBeforeMs = Long.MIN_VALUE;
  }

  /** Milliseconds left of the delay after the last failure; 0 when not backing off. */
  long remainingMs() {
    return backingOff() ? notBeforeMs - clock.millis() : 0;
  }

  /** True while the delay after the last failure has not elapsed. */
  boolean backingOff() {
    return clock.millis() < notBeforeMs;
  }
}
