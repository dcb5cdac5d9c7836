package io.streametl.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StartupTimesTest {

  @Test
  void describesEachPhaseInSeconds() {
    StartupTimes times = new StartupTimes(Duration.ofMillis(3_540), Duration.ofMillis(6_250),
        Duration.ofMillis(9_800));

    assertThat(times.describe()).isEqualTo("9.8 s (broker 3.5 s, workers 6.3 s)");
  }
}
