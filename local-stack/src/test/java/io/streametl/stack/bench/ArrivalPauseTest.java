package io.streametl.stack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArrivalPauseTest {

  @Test
  void findsTheLongestPauseAndCountsTheRecordsAfterIt() {
    long[] arrivals = {1_000, 1_001, 1_003, 1_003, 4_600, 4_601, 1_002};

    ArrivalPause pause = ArrivalPause.longest(arrivals);

    assertThat(pause).isEqualTo(new ArrivalPause(3_597, 2));
    assertThat(pause.describe())
        .isEqualTo("longest pause between arrivals 3.60 s, 2 records after it");
  }

  @Test
  void fewerThanTwoArrivalsHaveNoPause() {
    assertThat(ArrivalPause.longest(new long[] {5})).isEqualTo(ArrivalPause.NONE);
    assertThat(ArrivalPause.longest(new long[0])).isEqualTo(ArrivalPause.NONE);
  }

  @Test
  void theCallersArrayIsLeftAsItWas() {
    long[] arrivals = {3, 1, 2};

    ArrivalPause.longest(arrivals);

    assertThat(arrivals).containsExactly(3, 1, 2);
  }
}
