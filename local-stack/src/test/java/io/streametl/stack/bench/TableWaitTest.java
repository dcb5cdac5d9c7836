package io.streametl.stack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TableWaitTest {

  @Test
  void aStallIsAtLeastAMinuteAndAtLeastThirtyCommitIntervals() {
    assertThat(TableWait.stallLimit(Duration.ofSeconds(1))).isEqualTo(Duration.ofMinutes(1));
    assertThat(TableWait.stallLimit(Duration.ofSeconds(10))).isEqualTo(Duration.ofMinutes(5));
  }
}
