package io.streametl.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class PartitionProgressTest {

  private static final TopicPartition P = new TopicPartition("t", 0);

  @Test
  void aRewindWithoutCommittedOffsetsReturnsToTheStartOfTheCycle() {
    PartitionProgress progress = new PartitionProgress();
    progress.assign(P, null);
    progress.take(P, 40);
    progress.take(P, 41);

    assertThat(progress.rewind(Map.of())).containsEntry(P, 40L);
    assertThat(progress.alreadyTaken(P, 40)).isFalse();
  }

  @Test
  void aRewindReturnsToTheCommittedOffset() {
    PartitionProgress progress = new PartitionProgress();
    progress.assign(P, 10L);
    progress.take(P, 10);
    progress.take(P, 11);

    assertThat(progress.rewind(Map.of())).containsEntry(P, 10L);
    assertThat(progress.pending()).isEmpty();
  }

  @Test
  void offsetsBelowTheCommittedOneAreAlreadyTaken() {
    PartitionProgress progress = new PartitionProgress();
    progress.assign(P, 10L);

    assertThat(progress.alreadyTaken(P, 9)).isTrue();
    assertThat(progress.alreadyTaken(P, 10)).isFalse();
  }

  @Test
  void pendingListsOnlyPartitionsThatMoved() {
    PartitionProgress progress = new PartitionProgress();
    TopicPartition other = new TopicPartition("t", 1);
    progress.assign(P, 10L);
    progress.assign(other, 3L);
    progress.take(P, 10);

    assertThat(progress.pending()).isEqualTo(Map.of(P, 11L));
    progress.markCommitted(Map.of(P, 11L));
    assertThat(progress.pending()).isEmpty();
    assertThat(progress.committed()).isEqualTo(Map.of(P, 11L, other, 3L));
  }
}
