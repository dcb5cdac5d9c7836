package io.streametl.sink;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests move by hand, so commit intervals elapse without waiting. */
final class MutableClock extends Clock {

  private long millis;

  MutableClock() {
    this(1_000_000L);
  }

  /** Starts at a given time, e.g. now, where it must agree with the commit times of Iceberg snapshots. */
  MutableClock(long startMillis) {
    this.millis = startMillis;
  }

  void advance(long ms) {
    millis += ms;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis);
  }
}
