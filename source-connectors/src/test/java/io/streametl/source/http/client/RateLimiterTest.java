package io.streametl.source.http.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.streametl.source.http.ClockAdvancingSleeper;
import io.streametl.source.http.ManualClock;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

  @Test
  void requestsAreSpacedEvenlyWithoutABurst() throws InterruptedException {
    ManualClock clock = new ManualClock(0);
    ClockAdvancingSleeper sleeper = new ClockAdvancingSleeper(clock);
    RateLimiter limiter = new RateLimiter(4, clock, sleeper);

    for (int i = 0; i < 5; i++) {
      limiter.acquire();
    }

    assertThat(sleeper.sleeps()).containsExactly(250L, 250L, 250L, 250L);
    assertThat(clock.millis()).isEqualTo(1000);
  }

  @Test
  void timeSpentElsewhereCountsTowardsTheNextSlot() throws InterruptedException {
    ManualClock clock = new ManualClock(0);
    ClockAdvancingSleeper sleeper = new ClockAdvancingSleeper(clock);
    RateLimiter limiter = new RateLimiter(2, clock, sleeper);

    limiter.acquire();
    clock.advance(400); // the response took 400 ms
    limiter.acquire();
    clock.advance(600);
    limiter.acquire();

    assertThat(sleeper.sleeps()).containsExactly(100L);
  }

  @Test
  void zeroMeansNoLimit() throws InterruptedException {
    ManualClock clock = new ManualClock(0);
    ClockAdvancingSleeper sleeper = new ClockAdvancingSleeper(clock);
    RateLimiter limiter = new RateLimiter(0, clock, sleeper);

    for (int i = 0; i < 100; i++) {
      limiter.acquire();
    }

    assertThat(sleeper.sleeps()).isEmpty();
  }
}
