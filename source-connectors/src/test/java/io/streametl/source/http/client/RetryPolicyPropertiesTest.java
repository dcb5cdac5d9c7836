package io.streametl.source.http.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.streametl.source.http.config.ClientConfig;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class RetryPolicyPropertiesTest {

  private static RetryPolicy policy(long initial, long max, long seed) {
    return new RetryPolicy(new ClientConfig(1000, 1000, 1024, 0, 8, initial, max, 60_000),
        new Random(seed));
  }

  @Property
  void theBackoffDoublesUpToTheMaximumAndJitterTakesAtMostHalf(
      @ForAll @LongRange(min = 1, max = 10_000) long initial,
      @ForAll @LongRange(min = 1, max = 100_000) long extra,
      @ForAll @IntRange(min = 1, max = 40) int attempt,
      @ForAll long seed) {
    long max = initial + extra;
    long ceiling = Math.min(max, initial * (1L << Math.min(attempt - 1, 30)));

    long delay = policy(initial, max, seed).backoffMs(attempt);

    assertThat(delay).isBetween(ceiling - ceiling / 2, ceiling);
  }

  @Property
  void retriableStatusesAreTheTransientOnes(@ForAll @IntRange(min = 100, max = 599) int status) {
    boolean expected = status == 408 || status == 425 || status == 429 || status >= 500;

    assertThat(RetryPolicy.isRetriable(status)).isEqualTo(expected);
  }
}
