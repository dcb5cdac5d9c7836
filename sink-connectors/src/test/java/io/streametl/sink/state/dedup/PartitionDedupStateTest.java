package io.streametl.sink.state.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.streametl.sink.state.KeyHash;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PartitionDedupStateTest {

  private static final long T0 = 1_763_700_000_000L; // 2025-11-21
  private static final KeyHash A = new KeyHash(1, 1);
  private static final KeyHash B = new KeyHash(2, 2);

  private static long seconds(long s) {
    return T0 + s * 1000;
  }

  @Test
  void keepsTheFirstOccurrenceAndDropsLaterOnesWithinTheTtl() {
    PartitionDedupState state = PartitionDedupState.empty(Duration.ofMinutes(1));

    assertThat(state.firstSeen(A, seconds(0))).isTrue();
    assertThat(state.firstSeen(B, seconds(1))).isTrue();
    assertThat(state.firstSeen(A, seconds(2))).isFalse();
    assertThat(state.firstSeen(A, seconds(60))).isFalse();
  }

  @Test
  void forgetsAKeyOnceTheClockPassesItsFirstSightingByMoreThanTheTtl() {
    PartitionDedupState state = PartitionDedupState.empty(Duration.ofMinutes(1));
    state.firstSeen(A, seconds(0));
    state.firstSeen(A, seconds(30)); // a duplicate does not renew the entry

    assertThat(state.firstSeen(B, seconds(61))).isTrue(); // moves the clock past 0 + 60s
    assertThat(state.firstSeen(A, seconds(61))).isTrue();
    assertThat(state.firstSeen(A, seconds(62))).isFalse(); // remembered again from 61
  }

  @Test
  void anOutOfOrderTimeNeitherMovesTheClockBackNorRevivesExpiredKeys() {
    PartitionDedupState state = PartitionDedupState.empty(Duration.ofSeconds(10));
    state.firstSeen(A, seconds(0));
    state.firstSeen(B, seconds(100));

    assertThat(state.firstSeen(A, seconds(5))).isTrue(); // A expired at clock 100, even for an old time
    assertThat(state.clockMillis()).isEqualTo(seconds(100));
    assertThat(state.firstSeen(A, seconds(1))).isFalse(); // stored at the clock (100), so live
  }

  @Test
  void anOldFirstOccurrenceIsRememberedFromTheCurrentClock() {
    PartitionDedupState state = PartitionDedupState.empty(Duration.ofSeconds(10));
    state.firstSeen(B, seconds(1000));

    assertThat(state.firstSeen(A, seconds(0))).isTrue();
    assertThat(state.firstSeen(A, seconds(0))).isFalse();
  }

  @Test
  void theTtlIsRoundedUpToWholeSeconds() {
    PartitionDedupState state = PartitionDedupState.empty(Duration.ofMillis(1500));
    state.firstSeen(A, seconds(0));

    assertThat(state.ttl()).isEqualTo(Duration.ofSeconds(2));
    assertThat(state.firstSeen(A, seconds(2))).isFalse();
    assertThat(state.firstSeen(A, seconds(3))).isTrue();
  }

  @Test
  void rollbackReturnsToTheLastCommit() {
    PartitionDedupState state = PartitionDedupState.empty(Duration.ofSeconds(10));
    state.firstSeen(A, seconds(0));
    state.markCommitted();
    state.firstSeen(B, seconds(5));
    state.firstSeen(A, seconds(20)); // A expired and is renewed within the cycle

    state.rollback();

    assertThat(state.hasUncommittedChanges()).isFalse();
    assertThat(state.clockMillis()).isEqualTo(seconds(0));
    assertThat(state.firstSeen(A, seconds(1))).isFalse();
    assertThat(state.firstSeen(B, seconds(1))).isTrue();
  }

  @Test
  void aSealedCycleCommitsWithoutTheChangesMadeAfterTheSeal() throws Exception {
    PartitionDedupState state = PartitionDedupState.empty(Duration.ofSeconds(10));
    state.firstSeen(A, seconds(0));
    InMemoryStateFile first = InMemoryStateFile.delta("d1", state, new StateFileOrigin("t", 0, 0, 1));
    state.seal();
    state.firstSeen(B, seconds(5)); // the next cycle, taken while the first one is published

    state.markSealedCommitted();

    assertThat(state.uncommittedKeys()).isEqualTo(1); // B, not A
    InMemoryStateFile second = InMemoryStateFile.delta("d2", state, new StateFileOrigin("t", 0, 1, 2));
    PartitionDedupState fromFirst = DedupStateRestorer.restore("t", 0, Duration.ofSeconds(10), java.util.List.of(first)).state();
    PartitionDedupState fromBoth = DedupStateRestorer.restore("t", 0, Duration.ofSeconds(10), java.util.List.of(first, second)).state();
    assertThat(fromFirst.storedKeys()).isEqualTo(1);
    assertThat(fromBoth.storedKeys()).isEqualTo(2);
    assertThat(fromBoth.clockMillis()).isEqualTo(seconds(5));
    state.rollback();  // B was never committed: it goes, A stays
    assertThat(state.clockMillis()).isEqualTo(seconds(0));
    assertThat(state.firstSeen(A, seconds(1))).isFalse();
    assertThat(state.firstSeen(B, seconds(1))).isTrue();
  }

  @Test
  void aRollbackWhileASealedCycleIsPendingUndoesBothCycles() {
    PartitionDedupState state = PartitionDedupState.empty(Duration.ofSeconds(10));
    state.firstSeen(A, seconds(0));
    state.markCommitted();
    state.firstSeen(B, seconds(3));
    state.seal();
    state.firstSeen(new KeyHash(3, 3), seconds(4));

    state.rollback(); // the sealed cycle's commit failed

    assertThat(state.hasUncommittedChanges()).isFalse();
    assertThat(state.clockMillis()).isEqualTo(seconds(0));
    assertThat(state.firstSeen(B, seconds(1))).isTrue();
    assertThat(state.firstSeen(new KeyHash(3, 3), seconds(1))).isTrue();
    assertThat(state.firstSeen(A, seconds(1))).isFalse();
  }

  @Test
  void noFileIsWrittenWhileASealedCycleIsPending() {
    PartitionDedupState state = PartitionDedupState.empty(Duration.ofSeconds(10));
    state.firstSeen(A, seconds(0));
    state.seal();

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> state.writeDelta(new java.io.ByteArrayOutputStream(), new StateFileOrigin("t", 0, 0, 1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("still pending");
  }

  @Test
  void growingKeepsEveryLiveKeyAndDropsKeysExpiredAtTheLastCommit() {
    PartitionDedupState state = PartitionDedupState.empty(Duration.ofSeconds(10));
    for (int i = 0; i < 1000; i++) {
      state.firstSeen(new KeyHash(i, i), seconds(0));
    }
    state.firstSeen(B, seconds(100));
    state.markCommitted();
    for (int i = 1000; i < 3000; i++) {
      assertThat(state.firstSeen(new KeyHash(i, i), seconds(100))).isTrue();
    }

    assertThat(state.storedKeys()).isLessThan(2100);
    for (int i = 1000; i < 3000; i++) {
      assertThat(state.firstSeen(new KeyHash(i, i), seconds(100))).isFalse();
    }
  }

  @Test
  void hasUncommittedChangesWhenOnlyTheClockMoved() {
    PartitionDedupState state = PartitionDedupState.empty(Duration.ofSeconds(10));
    state.firstSeen(A, seconds(0));
    state.markCommitted();

    state.firstSeen(A, seconds(3));

    assertThat(state.uncommittedKeys()).isZero();
    assertThat(state.hasUncommittedChanges()).isTrue();
  }

  @Test
  void memoryIsTwentyBytesPerSlot() {
    PartitionDedupState state = PartitionDedupState.empty(Duration.ofHours(1));
    for (int i = 0; i < 100_000; i++) {
      state.firstSeen(new KeyHash(i, i * 0x9E3779B97F4A7C15L), seconds(0));
    }

    long capacity = 1 << 18; // 100,000 keys need more than 131,072 * 3/4 slots
    assertThat(state.memoryBytes()).isEqualTo(capacity * 20 + 48);
  }
}
