package io.streametl.stack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

  @Test
  void nearestRankOfAHundredValuesIsTheValueAtThatRank() {
    long[] values = LongStream.rangeClosed(1, 100).toArray();

    assertThat(Percentiles.nearestRank(values, 50)).isEqualTo(50);
    assertThat(Percentiles.nearestRank(values, 99)).isEqualTo(99);
    assertThat(Percentiles.nearestRank(values, 100)).isEqualTo(100);
    assertThat(Percentiles.nearestRank(values, 0.1)).isEqualTo(1);
  }

  @Test
  void aPercentileIsAlwaysOneOfTheValues() {
    long[] sorted = {10, 20, 30, 40};

    assertThat(Percentiles.nearestRank(sorted, 50)).isEqualTo(20);
    assertThat(Percentiles.nearestRank(sorted, 51)).isEqualTo(30);
    assertThat(Percentiles.nearestRank(sorted, 99)).isEqualTo(40);
  }

  @Test
  void summarizeSortsACopyAndKeepsNegativeValues() {
    long[] values = {300, -5, 100, 200, 1000};

    LatencySummary summary = Percentiles.summarize(values);

    assertThat(summary).isEqualTo(new LatencySummary(5, 200, 1000, 1000));
    assertThat(values).containsExactly(300, -5, 100, 200, 1000);
  }

  @Test
  void oneValueIsEveryPercentile() {
    assertThat(Percentiles.summarize(new long[] {7})).isEqualTo(new LatencySummary(1, 7, 7, 7));
  }

  @Test
  void p99OfManyValuesLeavesTheTopPercentOut() {
    long[] values = LongStream.range(0, 10_000).map(i -> i < 9_900 ? 1 : 5_000).toArray();

    LatencySummary summary = Percentiles.summarize(values);

    assertThat(summary.p99Millis()).isEqualTo(1);
    assertThat(summary.maxMillis()).isEqualTo(5_000);
  }

  @Test
  void noValuesOrABadPercentileAreErrors() {
    assertThatThrownBy(() -> Percentiles.summarize(new long[0]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("No values");
    assertThatThrownBy(() -> Percentiles.nearestRank(new long[] {1}, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(0, 100]");
    assertThatThrownBy(() -> Percentiles.nearestRank(new long[] {1}, 101))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void describeShowsTheFiguresAndTheCount() {
    assertThat(new LatencySummary(120_000, 820, 1_460, 1_730).describe("rows"))
        .isEqualTo("p50 820 ms, p99 1,460 ms, max 1,730 ms (120,000 rows)");
  }
}
