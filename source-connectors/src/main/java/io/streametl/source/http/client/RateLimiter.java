package io.streametl.source.http.client;

import java.time.Clock;

/**
 * Spaces requests at most {@code perSecond} apart on average, without bursts: each request waits
 * for its slot. 0 means no limit.
 */
public final class RateLimiter {

  private final double intervalMs;
  private final Clock clock;
  private final Sleeper sleeper;
  private double nextSlotMs = Double.NEGATIVE_INFINITY;

  public RateLimiter(double perSecond, Clock clock, Sleeper sleeper) {
    this.intervalMs = perSecond <= 0 ? 0 : 1000.0 / perSecond;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /** Waits for the next slot and takes it. */
  public void acquire() throws InterruptedException {
    if (intervalMs == 0) {
      return;
    }
    long now = clock.millis();
    if (nextSlotMs > now) {
      sleeper.sleep((long) Math.ceil(nextSlotMs - now));
      now = clock.millis();
    }
    nextSlotMs = Math.max(nextSlotMs, now) + intervalMs;
  }
}
