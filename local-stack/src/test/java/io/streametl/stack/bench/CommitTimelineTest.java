package io.streametl.stack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommitTimelineTest {

  private final CommitTimeline timeline = new CommitTimeline(List.of(
      new CommitPoint(1_000, 0),        // our sink's anchor: offsets only
      new CommitPoint(2_000, 10_000),
      new CommitPoint(3_000, 30_000),
      new CommitPoint(3_500, 30_000),   // offsets only again
      new CommitPoint(4_000, 50_000),
      new CommitPoint(5_000, 50_000)));

  @Test
  void theSteadyRateRunsFromTheFirstCommitWithRowsToTheOneThatReachedTheTarget() {
    assertThat(timeline.steadyRowsPerSecond(50_000).getAsDouble())
        .isCloseTo(20_000, within(1e-9)); // 40,000 rows in 2 s
    assertThat(timeline.firstReaching(50_000)).contains(new CommitPoint(4_000, 50_000));
    assertThat(timeline.firstWithRows()).contains(new CommitPoint(2_000, 10_000));
  }

  @Test
  void theMiddleRateRunsBetweenTheFirstCommitsThatReachedEachShare() {
    // 10,000 rows reached at 2 s, 50,000 at 4 s: 40,000 rows in 2 s.
    assertThat(timeline.rowsPerSecondBetween(5_000, 45_000).getAsDouble())
        .isCloseTo(20_000, within(1e-9));
    // 30,000 reached at 3 s, 50,000 at 4 s: the commit at 3.5 s added nothing.
    assertThat(timeline.rowsPerSecondBetween(30_000, 50_000).getAsDouble())
        .isCloseTo(20_000, within(1e-9));
    assertThat(timeline.rowsPerSecondBetween(20_000, 30_000)).isEmpty(); // reached by one commit
    assertThat(timeline.rowsPerSecondBetween(10_000, 60_000)).isEmpty(); // never reached
  }

  @Test
  void commitsWithoutNewRowsAreNotCounted() {
    assertThat(timeline.commitsWithRows()).isEqualTo(3);
  }

  @Test
  void oneCommitHasNoSteadyRate() {
    CommitTimeline single = new CommitTimeline(List.of(new CommitPoint(2_000, 10)));

    assertThat(single.steadyRowsPerSecond(10)).isEmpty();
    assertThat(new CommitTimeline(List.of()).steadyRowsPerSecond(1)).isEmpty();
    assertThat(timeline.steadyRowsPerSecond(60_000)).isEmpty();
  }
}
