package io.streametl.stack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class GoalVerdictTest {

  private static OptionalDouble rate(double perSecond) {
    return OptionalDouble.of(perSecond);
  }

  @Test
  void atLeastTheStockSinkMeansARatioOfOneOrMore() {
    assertThat(GoalVerdict.atLeastStock(rate(24_000), rate(24_000)).met()).isTrue();
    GoalVerdict slower = GoalVerdict.atLeastStock(rate(20_000), rate(25_000));
    assertThat(slower.met()).isFalse();
    assertThat(slower.measured()).isEqualTo("0.80 x");
    assertThat(slower.verdict()).isEqualTo("NOT met");
  }

  @Test
  void withoutACompleteRunTheGoalIsNotMeasured() {
    GoalVerdict noStock = GoalVerdict.atLeastStock(rate(20_000), OptionalDouble.empty());
    GoalVerdict noOurs = GoalVerdict.atLeastHalfOfRaw(OptionalDouble.empty(), 500_000);

    assertThat(noStock.outcome()).isEqualTo(GoalVerdict.Outcome.NOT_MEASURED);
    assertThat(noStock.measured()).isEqualTo("no complete run of the peer");
    assertThat(noStock.verdict()).isEqualTo("not measured");
    assertThat(noOurs.measured()).isEqualTo("no complete run of our sink");
    assertThat(noOurs.met()).isFalse();
  }

  @Test
  void atLeastHalfTheRawConsumer() {
    assertThat(GoalVerdict.atLeastHalfOfRaw(rate(150_000), 300_000).met()).isTrue();
    GoalVerdict verdict = GoalVerdict.atLeastHalfOfRaw(rate(30_000), 300_000);
    assertThat(verdict.met()).isFalse();
    assertThat(verdict.measured()).isEqualTo("0.10 x");
  }

  @Test
  void freshnessWithinTheCommitIntervalPlusTwoSeconds() {
    Duration interval = Duration.ofSeconds(1);

    assertThat(GoalVerdict.freshWithinInterval(3_000, interval).met()).isTrue();
    GoalVerdict late = GoalVerdict.freshWithinInterval(3_001, interval);
    assertThat(late.met()).isFalse();
    assertThat(late.goal()).contains("3,000 ms");
    assertThat(late.measured()).isEqualTo("3,001 ms");
  }

  @Test
  void aRatioNeedsAPositiveDenominator() {
    assertThatThrownBy(() -> GoalVerdict.ratio(1, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive denominator");
  }
}
