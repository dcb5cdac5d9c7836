package io.streametl.stack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SinkBenchmarkTest {

  @Test
  void waitsAtLeastTheFloorAndLongerForManyRecords() {
    assertThat(SinkBenchmark.timeout(Duration.ofMinutes(10), 1_000, 500))
        .isEqualTo(Duration.ofMinutes(10));
    assertThat(SinkBenchmark.timeout(Duration.ofMinutes(10), 10_000_000, 500))
        .isEqualTo(Duration.ofSeconds(20_000));
  }
}
