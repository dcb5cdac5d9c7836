package io.streametl.sink;

import java.time.Clock;

/** Decides when a commit is due: interval elapsed, or enough records or bytes buffered. */
final class CommitTrigger {

  private final Clock clock;
  private final long intervalMs;
  private final long maxRecords;
  private final long maxBytes;
  private long cycleStartedAt;

  CommitTrigger(Clock clock, long intervalMs, long maxRecords, long maxBytes) {
    this.clock = clock;
    this.intervalMs = intervalMs;
    this.maxRecords = maxRecords;
    this.maxBytes = maxBytes;
    this.cycleStartedAt = clock.millis();
  }

  boolean isDue(long bufferedRecords, long bufferedBytes) {
    return bufferedRecords >= maxRecords
        || bufferedBytes >= maxBytes
        || clock.millis() - cycleStartedAt >= intervalMs;
  }

  /** Milliseconds until the interval of this cycle has elapsed; 0 once it has. */
  long msUntilIntervalElapses() {
    return Math.max(0, cycleStartedAt + intervalMs - clock.millis());
  }

  void restart() {
    cycleStartedAt = clock.millis();
  }
}
