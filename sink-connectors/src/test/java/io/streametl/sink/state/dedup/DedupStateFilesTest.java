package io.streametl.sink.state.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streametl.sink.state.KeyHash;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DedupStateFilesTest {

  private static final long T0 = 1_763_700_000_000L;
  private static final Duration TTL = Duration.ofSeconds(100);
  private static final String TOPIC = "events";

  private static long at(long seconds) {
    return T0 + seconds * 1000;
  }

  private static StateFileOrigin origin(long from, long to) {
    return new StateFileOrigin(TOPIC, 3, from, to);
  }

  private static PartitionDedupState restore(InMemoryStateFile... files) throws IOException {
    return DedupStateRestorer.restore(TOPIC, 3, TTL, List.of(files)).state();
  }

  @Test
  void aDeltaHoldsTheCycleAndRestoresIt() throws IOException {
    PartitionDedupState state = PartitionDedupState.empty(TTL);
    state.firstSeen(new KeyHash(1, 1), at(0));
    state.firstSeen(new KeyHash(2, 2), at(5));
    state.firstSeen(new KeyHash(1, 1), at(6));

    InMemoryStateFile delta = InMemoryStateFile.delta("d1", state, origin(0, 3));

    assertThat(delta.bytes).hasSize(74 + TOPIC.length() + 2 * 20 + 4);
    PartitionDedupState restored = restore(delta);
    assertThat(restored.clockMillis()).isEqualTo(at(6));
    assertThat(restored.firstSeen(new KeyHash(1, 1), at(7))).isFalse();
    assertThat(restored.firstSeen(new KeyHash(2, 2), at(7))).isFalse();
    assertThat(restored.firstSeen(new KeyHash(3, 3), at(7))).isTrue();
  }

  @Test
  void theHeaderDescribesTheFile() throws IOException {
    PartitionDedupState state = PartitionDedupState.empty(TTL);
    state.firstSeen(new KeyHash(1, 1), at(0));
    state.firstSeen(new KeyHash(2, 2), at(9));
    InMemoryStateFile delta = InMemoryStateFile.delta("d1", state, origin(10, 12));

    DedupFileHeader header = DedupFileHeader.read(delta.open(), "d1");

    assertThat(header.kind()).isEqualTo(DedupFileHeader.Kind.DELTA);
    assertThat(header.topic()).isEqualTo(TOPIC);
    assertThat(header.partition()).isEqualTo(3);
    assertThat(header.fromOffset()).isEqualTo(10);
    assertThat(header.toOffset()).isEqualTo(12);
    assertThat(header.clock()).isEqualTo(at(9) / 1000);
    assertThat(header.oldestEntry()).isEqualTo(at(0) / 1000);
    assertThat(header.newestEntry()).isEqualTo(at(9) / 1000);
    assertThat(header.entryCount()).isEqualTo(2);
    assertThat(header.fullyExpiredAt(at(9) / 1000 + 100, 100)).isFalse();
    assertThat(header.fullyExpiredAt(at(9) / 1000 + 101, 100)).isTrue();
  }

  @Test
  void aBasePlusLaterDeltasRestoresTheWholeState() throws IOException {
    PartitionDedupState state = PartitionDedupState.empty(TTL);
    state.firstSeen(new KeyHash(1, 1), at(0));
    InMemoryStateFile d1 = InMemoryStateFile.delta("d1", state, origin(0, 1));
    state.markCommitted();
    state.firstSeen(new KeyHash(2, 2), at(10));
    InMemoryStateFile base = InMemoryStateFile.base("b2", state, origin(0, 2));
    state.markCommitted();
    state.firstSeen(new KeyHash(3, 3), at(20));
    InMemoryStateFile d3 = InMemoryStateFile.delta("d3", state, origin(2, 3));
    state.markCommitted();

    DedupStateRestorer.Restored fromBase = DedupStateRestorer.restore(TOPIC, 3, TTL, List.of(base, d3));
    DedupStateRestorer.Restored fromDeltas = DedupStateRestorer.restore(TOPIC, 3, TTL, List.of(d3, d1, base, d1));

    for (DedupStateRestorer.Restored restored : List.of(fromBase, fromDeltas)) {
      assertThat(restored.nextOffset()).hasValue(3);
      assertThat(restored.keysLoaded()).isEqualTo(3);
      assertThat(restored.state().clockMillis()).isEqualTo(at(20));
      for (long k = 1; k <= 3; k++) {
        assertThat(restored.state().firstSeen(new KeyHash(k, k), at(20))).isFalse();
      }
    }
  }

  @Test
  void expiredEntriesAreDroppedAndFullyExpiredDeltasAreNotRead() throws IOException {
    PartitionDedupState state = PartitionDedupState.empty(TTL);
    state.firstSeen(new KeyHash(1, 1), at(0));
    InMemoryStateFile old = InMemoryStateFile.delta("old", state, origin(0, 1));
    state.markCommitted();
    state.firstSeen(new KeyHash(2, 2), at(500));
    InMemoryStateFile recent = InMemoryStateFile.delta("recent", state, origin(1, 2));

    DedupStateRestorer.Restored restored = DedupStateRestorer.restore(TOPIC, 3, TTL, List.of(old, recent));

    assertThat(restored.filesSkipped()).containsExactly("old");
    assertThat(restored.filesRead()).containsExactly("recent");
    assertThat(old.opens).isEqualTo(1); // its header only
    assertThat(restored.keysLoaded()).isEqualTo(1);
    assertThat(restored.state().firstSeen(new KeyHash(1, 1), at(500))).isTrue();
  }

  @Test
  void aBaseLeavesOutKeysThatHaveExpired() throws IOException {
    PartitionDedupState state = PartitionDedupState.empty(TTL);
    state.firstSeen(new KeyHash(1, 1), at(0));
    state.firstSeen(new KeyHash(2, 2), at(500));

    InMemoryStateFile base = InMemoryStateFile.base("b", state, origin(0, 2));

    assertThat(DedupFileFormat.readHeader(new DataInputStream(base.open()), "b").entryCount()).isEqualTo(1);
  }

  @Test
  void anEmptyStateRoundTrips() throws IOException {
    PartitionDedupState state = PartitionDedupState.empty(TTL);

    PartitionDedupState restored = restore(InMemoryStateFile.base("b", state, origin(0, 0)));

    assertThat(restored.clockMillis()).isEqualTo(Long.MIN_VALUE);
    assertThat(restored.storedKeys()).isZero();
  }

  @Test
  void noFilesMeansAnEmptyStateAndNoOffset() throws IOException {
    DedupStateRestorer.Restored restored = DedupStateRestorer.restore(TOPIC, 3, TTL, List.of());

    assertThat(restored.nextOffset()).isEmpty();
    assertThat(restored.state().storedKeys()).isZero();
  }

  @Test
  void everyFlippedBitIsDetected() throws IOException {
    PartitionDedupState state = PartitionDedupState.empty(TTL);
    for (int i = 0; i < 5; i++) {
      state.firstSeen(new KeyHash(i, i), at(i));
    }
    byte[] good = InMemoryStateFile.delta("d", state, origin(0, 5)).bytes;

    for (int bit = 0; bit < good.length * 8; bit++) {
      byte[] bad = good.clone();
      bad[bit / 8] ^= (byte) (1 << (bit % 8));
      assertThatThrownBy(() -> restore(new InMemoryStateFile("damaged.seds", bad)))
          .as("bit %d", bit)
          .isInstanceOf(CorruptStateFileException.class)
          .hasMessageContaining("damaged.seds");
    }
  }

  @Test
  void truncatedAndExtendedFilesAreDetected() throws IOException {
    PartitionDedupState state = PartitionDedupState.empty(TTL);
    state.firstSeen(new KeyHash(1, 1), at(0));
    byte[] good = InMemoryStateFile.delta("d", state, origin(0, 1)).bytes;

    for (int length = 0; length < good.length; length++) {
      byte[] cut = Arrays.copyOf(good, length);
      assertThatThrownBy(() -> restore(new InMemoryStateFile("cut", cut)))
          .isInstanceOf(CorruptStateFileException.class).hasMessageContaining("truncated");
    }
    byte[] longer = Arrays.copyOf(good, good.length + 1);
    assertThatThrownBy(() -> restore(new InMemoryStateFile("long", longer)))
        .isInstanceOf(CorruptStateFileException.class).hasMessageContaining("after its last checksum");
  }

  @Test
  void aFileOfAnotherPartitionIsRejected() throws IOException {
    PartitionDedupState state = PartitionDedupState.empty(TTL);
    InMemoryStateFile other = InMemoryStateFile.delta("p4", state, new StateFileOrigin(TOPIC, 4, 0, 0));

    assertThatThrownBy(() -> restore(other))
        .isInstanceOf(CorruptStateFileException.class).hasMessageContaining("events-4, not events-3");
  }

  @Test
  void anotherFileTypeOrVersionIsRejected() throws IOException {
    byte[] good = InMemoryStateFile.delta("d", PartitionDedupState.empty(TTL), origin(0, 0)).bytes;
    byte[] nextVersion = good.clone();
    nextVersion[5] = 2;

    assertThatThrownBy(() -> restore(new InMemoryStateFile("pq", "PAR1....".getBytes())))
        .isInstanceOf(CorruptStateFileException.class).hasMessageContaining("wrong magic");
    assertThatThrownBy(() -> restore(new InMemoryStateFile("v2", nextVersion)))
        .isInstanceOf(CorruptStateFileException.class).hasMessageContaining("format version 2");
  }

  @Test
  void readingTheHeaderLeavesTheStreamAtTheEntries() throws IOException {
    PartitionDedupState state = PartitionDedupState.empty(TTL);
    state.firstSeen(new KeyHash(7, 8), at(0));
    byte[] bytes = InMemoryStateFile.delta("d", state, origin(0, 1)).bytes;
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
    DedupFileHeader header = DedupFileFormat.readHeader(in, "d");
    long[] seen = new long[3];

    DedupFileFormat.readEntries(in, header, "d", (high, low, time) -> {
      seen[0] = high;
      seen[1] = low;
      seen[2] = time;
    });

    assertThat(seen).containsExactly(7, 8, StateTimes.fromEpochMillis(at(0)));
  }
}
