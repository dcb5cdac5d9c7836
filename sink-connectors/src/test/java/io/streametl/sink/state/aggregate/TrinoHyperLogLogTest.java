package io.streametl.sink.state.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlift.slice.Slices;
import io.airlift.stats.cardinality.HyperLogLog;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Our sketches are Airlift's (Trino's HyperLogLog type) byte for byte: same hashing of text and
 * integers, same sparse form while small, same dense form, and Airlift reads them back to the
 * same estimate. Airlift keeps its sparse form up to about 500 values and so do we.
 */
class TrinoHyperLogLogTest {

  private static final int AIRLIFT_BUCKETS = 4096;

  @Property(tries = 200)
  void smallSetsSerializeAsAirliftsSparseForm(@ForAll @IntRange(max = 400) int size, @ForAll long seed) {
    TrinoHyperLogLog ours = new TrinoHyperLogLog();
    HyperLogLog airlift = HyperLogLog.newInstance(AIRLIFT_BUCKETS);
    addRandomValues(ours, airlift, size, seed);

    assertThat(ours.serialize()).isEqualTo(airlift.serialize().getBytes());
  }

  @Property(tries = 60)
  void anySetSerializesAsAirliftsDenseForm(@ForAll @IntRange(max = 30_000) int size, @ForAll long seed) {
    TrinoHyperLogLog ours = new TrinoHyperLogLog();
    HyperLogLog airlift = HyperLogLog.newInstance(AIRLIFT_BUCKETS);
    addRandomValues(ours, airlift, size, seed);

    ours.makeDense();
    airlift.makeDense();

    assertThat(ours.serialize()).isEqualTo(airlift.serialize().getBytes());
    assertThat(HyperLogLog.newInstance(Slices.wrappedBuffer(ours.serialize())).cardinality())
        .isEqualTo(airlift.cardinality());
  }

  @Test
  void largeRegistersAndARaisedBaselineMatchAirliftsOverflowEntries() {
    TrinoHyperLogLog ours = new TrinoHyperLogLog();
    HyperLogLog airlift = HyperLogLog.newInstance(AIRLIFT_BUCKETS);
    ours.makeDense();
    airlift.makeDense();
    SplittableRandom random = new SplittableRandom(7);
    for (long bucket = 0; bucket < AIRLIFT_BUCKETS; bucket++) {
      // Every bucket gets a value of at least 3 (baseline 3); a few get up to 52 (overflows).
      int zeros = bucket % 97 == 0 ? 20 + random.nextInt(32) : 2 + random.nextInt(3);
      long hash = (bucket << 52) | (1L << (51 - zeros));
      ours.addHash(hash);
      airlift.addHash(hash);
    }

    assertThat(ours.serialize()).isEqualTo(airlift.serialize().getBytes());
  }

  @Test
  void anEmptySketchMatchesAirlifts() {
    assertThat(new TrinoHyperLogLog().serialize()).isEqualTo(
        HyperLogLog.newInstance(AIRLIFT_BUCKETS).serialize().getBytes());
  }

  @Test
  void switchesToTheDenseFormWhenItIsSmaller() {
    TrinoHyperLogLog ours = new TrinoHyperLogLog();
    for (long i = 0; i < 2000; i++) {
      ours.addLong(i);
    }

    assertThat(ours.serialize()).hasSize(3 + 2048 + 2 + 0);
    assertThat(Sketches.estimate(List.of(ours.serialize()))).isBetween(1900L, 2100L);
  }

  private static void addRandomValues(TrinoHyperLogLog ours, HyperLogLog airlift, int size, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < size; i++) {
      if (random.nextBoolean()) {
        long value = random.nextLong(size + 1L);
        ours.addLong(value);
        airlift.add(value);
      } else {
        String value = "user-" + random.nextInt(size + 1) + "-\u00e9";
        ours.addString(value);
        airlift.add(Slices.utf8Slice(value));
      }
    }
  }
}
