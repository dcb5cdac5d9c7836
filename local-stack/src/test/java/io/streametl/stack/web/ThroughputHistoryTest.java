package io.streametl.stack.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ThroughputHistoryTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void aRateIsTheChangeOfATotalOverTheTimeBetweenSamples() {
    ThroughputHistory history = new ThroughputHistory(10);
    history.add(0, Map.of("events", 100L, "api", 0L));
    history.add(2 * SECOND, Map.of("events", 1_100L, "api", 30L));

    assertThat(history.points()).singleElement().satisfies(point -> {
      assertThat(point.seconds()).isEqualTo(2.0);
      assertThat(point.perSecond()).containsEntry("events", 500.0).containsEntry("api", 15.0);
    });
    assertThat(history.latest("events")).isEqualTo(500.0);
  }

  @Test
  void aTotalUnknownAtEitherSampleGivesNoRate() {
    ThroughputHistory history = new ThroughputHistory(10);
    history.add(0, Map.of("events", 100L));
    history.add(SECOND, Map.of("events", 200L, "devices", 50L));
    history.add(2 * SECOND, Map.of("devices", 80L));

    assertThat(history.points()).hasSize(2);
    assertThat(history.points().get(0).perSecond()).containsOnlyKeys("events");
    assertThat(history.points().get(1).perSecond()).containsOnly(Map.entry("devices", 30.0));
    assertThat(history.latest("events")).isNull();
  }

  @Test
  void aTotalThatWentDownCountsFromZeroAgain() {
    ThroughputHistory history = new ThroughputHistory(10);
    history.add(0, Map.of("events", 5_000L));
    history.add(SECOND, Map.of("events", 40L));

    assertThat(history.latest("events")).isEqualTo(40.0);
  }

  @Test
  void keepsOnlyTheLatestPointsAndIgnoresSamplesOutOfOrder() {
    ThroughputHistory history = new ThroughputHistory(2);
    for (int i = 0; i <= 4; i++) {
      history.add(i * SECOND, Map.of("events", i * 10L));
    }
    history.add(3 * SECOND, Map.of("events", 1_000L));

    assertThat(history.points()).extracting(ThroughputHistory.Point::seconds)
        .containsExactly(3.0, 4.0);
    assertThat(history.latest("events")).isEqualTo(10.0);
    assertThatThrownBy(() -> new ThroughputHistory(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
  }
}
