package io.streametl.stack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ThroughputTest {

  @Test
  void ratesPerSecondWithMegabytesOfTenToTheSix() {
    Throughput throughput = new Throughput(1_000_000, 250_000_000, Duration.ofSeconds(40));

    assertThat(throughput.recordsPerSecond()).isCloseTo(25_000, within(1e-9));
    assertThat(throughput.megabytesPerSecond()).isCloseTo(6.25, within(1e-9));
    assertThat(throughput.describe())
        .isEqualTo("25,000 records/s, 6.3 MB/s (1,000,000 records in 40.0 s)");
  }

  @Test
  void subMillisecondTimesCount() {
    Throughput throughput = new Throughput(10, 0, Duration.ofNanos(500_000));

    assertThat(throughput.recordsPerSecond()).isCloseTo(20_000, within(1e-6));
  }

  @Test
  void aThroughputNeedsTimeAndNoNegativeCounts() {
    assertThatThrownBy(() -> new Throughput(1, 1, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive time");
    assertThatThrownBy(() -> new Throughput(-1, 1, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aPassMeasuresValueBytesOnly() {
    PassResult pass = new PassResult(4, 1_000, 2_000_000, Duration.ofSeconds(2));

    assertThat(pass.throughput().megabytesPerSecond()).isCloseTo(1.0, within(1e-9));
  }
}
