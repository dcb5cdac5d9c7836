package io.streametl.stack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

  @Test
  void showsEveryFigureWithThousandsSeparators() {
    ProgressSnapshot snapshot = new ProgressSnapshot(Duration.ofSeconds(12),
        OptionalLong.of(12_345), 12_300, OptionalLong.of(10_000), 42,
        List.of(new ProgressSnapshot.ConnectorLine("gen", "RUNNING, tasks 1/1 RUNNING")));

    assertThat(ProgressLine.format(snapshot, "events", "demo.events", "events-dlq"))
        .isEqualTo("[   12s] generated 12,345 | events 12,300 | iceberg demo.events 10,000"
            + " | events-dlq 42 | gen RUNNING, tasks 1/1 RUNNING");
  }

  @Test
  void unknownFiguresAreADash() {
    ProgressSnapshot snapshot = new ProgressSnapshot(Duration.ZERO, OptionalLong.empty(), 0,
        OptionalLong.empty(), 0, List.of());

    assertThat(ProgressLine.format(snapshot, "t", "n.t", "d"))
        .startsWith("[    0s] generated - | t 0 | iceberg n.t - | d 0");
  }
}
