package io.streametl.source.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SharedSubscriptionRefresherTest {

  @Test
  void aQuietTaskSubscribesAgainOncePerQuietSpell() {
    SharedSubscriptionRefresher refresher = new SharedSubscriptionRefresher(1_000, 0);

    assertThat(refresher.due(999, 0, 0)).isFalse();
    assertThat(refresher.due(1_000, 0, 0)).isTrue();
    assertThat(refresher.due(1_500, 0, 0)).as("the spell starts over").isFalse();
    assertThat(refresher.due(2_000, 0, 0)).isTrue();
  }

  @Test
  void aMessageStartsTheSpellOver() {
    SharedSubscriptionRefresher refresher = new SharedSubscriptionRefresher(1_000, 0);

    assertThat(refresher.due(900, 3, 0)).isFalse();
    assertThat(refresher.due(1_800, 3, 0)).isFalse();
    assertThat(refresher.due(1_900, 3, 0)).isTrue();
  }

  @Test
  void messagesInFlightAreNotQuiet() {
    SharedSubscriptionRefresher refresher = new SharedSubscriptionRefresher(1_000, 0);

    assertThat(refresher.due(5_000, 0, 2)).as("the broker waits for acknowledgements").isFalse();
    assertThat(refresher.due(5_999, 0, 0)).isFalse();
    assertThat(refresher.due(6_000, 0, 0)).isTrue();
  }

  @Test
  void zeroNeverSubscribesAgain() {
    SharedSubscriptionRefresher refresher = new SharedSubscriptionRefresher(0, 0);

    assertThat(refresher.due(Long.MAX_VALUE / 2, 0, 0)).isFalse();
  }
}
