package io.streametl.sink.state.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The documented sizes, computed (not measured: see {@link DedupMemoryReport} for heap deltas). */
class DedupStateSizeTest {

  @Test
  void aMillionKeysTakeTwentyBytesPerSlotAndTwentyBytesPerKeyOnDisk() throws IOException {
    PartitionDedupState state = DedupMemoryReport.build(1_000_000);

    assertThat(state.storedKeys()).isEqualTo(1_000_000);
    // 1M keys passed 3/4 of 2^20 slots, so the table grew to 2^21 slots of 20 bytes.
    assertThat(state.memoryBytes()).isEqualTo((1L << 21) * 20 + 48);
    assertThat((double) state.memoryBytes() / 1_000_000).isBetween(26.7, 80.0);
    assertThat(DedupMemoryReport.baseFileBytes(state)).isEqualTo(1_000_000L * 20 + 74 + "events".length() + 4);
  }
}
