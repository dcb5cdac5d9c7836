package io.streametl.sink.bigquery;

import java.time.Duration;

/** Bounded retries with exponential backoff: the wait doubles from {@code initial} up to {@code max}. */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

  /** The wait before attempt {@code attempt + 1} (attempt counts from 1), before jitter. */
  public Duration backoff(int attempt) {
    long millis = initialBackoff.toMillis();
    for (int i = 1; i < attempt && millis < maxBackoff.toMillis(); i++) {
      millis *= 2;
    }
    return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
  }
}
