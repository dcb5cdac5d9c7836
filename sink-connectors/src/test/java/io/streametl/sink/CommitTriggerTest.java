package io.streametl.sink;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommitTriggerTest {

  private final MutableClock clock = new MutableClock();
  private final CommitTrigger trigger = new CommitTrigger(clock, 1000, 100, 10_000);

  @Test
  void firesOnWhicheverLimitComesFirst() {
    assertThat(trigger.isDue(99, 9_999)).isFalse();
    assertThat(trigger.isDue(100, 0)).isTrue();
    assertThat(trigger.isDue(0, 10_000)).isTrue();
    clock.advance(1000);
    assertThat(trigger.isDue(0, 0)).isTrue();
  }

  @Test
  void restartingBeginsANewInterval() {
    clock.advance(1000);
    trigger.restart();

    assertThat(trigger.isDue(0, 0)).isFalse();
  }
}
