package io.streametl.sink.iceberg.maintenance;

import java.time.Clock;

/**
 * What one maintenance run may still do: files and bytes to compact, and time. A run starts no
 * new piece of work the budget does not cover, so it never keeps the task from its records long.
 */
final class RunBudget {

  private final Clock clock;
  private final long deadlineMillis;
  private int filesLeft;
  private long bytesLeft;

  RunBudget(Clock clock, long deadlineMillis, int files, long bytes) {
    this.clock = clock;
    this.deadlineMillis = deadlineMillis;
    this.filesLeft = files;
    this.bytesLeft = bytes;
  }

  boolean timeLeft() {
    return clock.millis() < deadlineMillis;
  }

  boolean covers(int files, long bytes) {
    return timeLeft() && files <= filesLeft && bytes <= bytesLeft;
  }

  int filesLeft() {
    return filesLeft;
  }

  long bytesLeft() {
    return bytesLeft;
  }

  void spend(int files, long bytes) {
    filesLeft -= files;
    bytesLeft -= bytes;
  }
}
