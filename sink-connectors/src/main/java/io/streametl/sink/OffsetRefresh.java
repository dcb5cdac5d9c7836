package io.streametl.sink;

import java.time.Clock;
import java.time.Duration;

/**
 * When a task records the offsets of all its partitions again, idle ones included: at least once
 * per interval. Snapshot expiry keeps the newest snapshot that records each partition, so without
 * this an idle partition would hold every newer snapshot back (docs/decisions/0005).
 */
final class OffsetRefresh {

  private final Clock clock;
  private final long intervalMs;     // 0: never
  private long lastMs;

  OffsetRefresh(Clock clock, Duration interval) {
    this.clock = clock;
    this.intervalMs = interval.toMillis();
    this.lastMs = clock.millis();
  }

  boolean isDue() {
    return intervalMs > 0 && clock.millis() - lastMs >= intervalMs;
  }

  void done() {
    lastMs = clock.millis();
  }
}
