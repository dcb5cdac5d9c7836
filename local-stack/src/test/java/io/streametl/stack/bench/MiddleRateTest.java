package io.streametl.stack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MiddleRateTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void theMarksAreTakenBetweenThePollsAroundThem() {
    MiddleRate rate = new MiddleRate(1_000);
    rate.observe(0, 0);
    rate.observe(SECOND, 50);       // start-up: slow
    rate.observe(2 * SECOND, 250);  // 10 % (100) crossed at 1.25 s
    rate.observe(3 * SECOND, 450);
    rate.observe(4 * SECOND, 650);
    rate.observe(5 * SECOND, 950);  // 90 % (900) crossed at 4 + 250/300 s
    rate.observe(6 * SECOND, 1_000);

    double seconds = 4 + 250.0 / 300 - 1.25;
    assertThat(rate.perSecond()).hasValueCloseTo(800 / seconds, within(1e-6));
  }

  @Test
  void nothingBeforeBothMarksAreCrossed() {
    MiddleRate rate = new MiddleRate(1_000);
    rate.observe(0, 0);
    rate.observe(SECOND, 500);

    assertThat(rate.perSecond()).isEmpty();
  }

  @Test
  void aFirstPollPastBothMarksTellsNothing() {
    MiddleRate rate = new MiddleRate(1_000);
    rate.observe(SECOND, 1_000);

    assertThat(rate.perSecond()).isEmpty();
  }

  @Test
  void bothMarksInOnePollGiveTheRateOfThatPoll() {
    MiddleRate rate = new MiddleRate(1_000);
    rate.observe(0, 0);
    rate.observe(SECOND, 1_000);

    assertThat(rate.perSecond()).hasValueCloseTo(1_000.0, within(1e-6));
  }
}
