package io.streametl.stack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FreshnessTest {

  private final List<SnapshotRows> snapshots = List.of(
      new SnapshotRows(1, 10_000, new long[] {9_000, 9_500}),
      new SnapshotRows(2, 11_000, new long[] {10_200}));

  @Test
  void eachRowIsItsSnapshotsCommitTimeMinusItsEventTime() {
    assertThat(Freshness.byCommitTime(snapshots)).containsExactly(1_000, 500, 800);
  }

  @Test
  void byFirstSeenUsesWhenTheReaderSawTheSnapshotAndSkipsSnapshotsItNeverSaw() {
    assertThat(Freshness.byFirstSeen(snapshots, Map.of(1L, 10_080L, 2L, 11_050L)))
        .containsExactly(1_080, 580, 850);
    assertThat(Freshness.byFirstSeen(snapshots, Map.of(2L, 11_050L))).containsExactly(850);
  }
}
