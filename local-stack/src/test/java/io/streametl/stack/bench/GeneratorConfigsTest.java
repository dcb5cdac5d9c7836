package io.streametl.stack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.streametl.stack.rest.ConnectorConfigFile;
import org.junit.jupiter.api.Test;

class GeneratorConfigsTest {

  private final ConnectorConfigFile shipped = ShippedConfigs.load(GeneratorConfigs.FILE);

  @Test
  void theFillRunsFlatOutWithDuplicatesAndNoInvalidRecords() {
    ConnectorConfigFile fill = GeneratorConfigs.fill(shipped, "gen", "t", 1_000, 4, 123);

    assertThat(fill.name()).isEqualTo("gen");
    assertThat(fill.config()).containsEntry("topic", "t")
        .containsEntry("events.total", "1000")
        .containsEntry("events.per.second", "0")
        .containsEntry("duplicate.ratio", "0.05")
        .containsEntry("invalid.ratio", "0")
        .containsEntry("event.time.start.ms", "123")
        .containsEntry("topic.creation.default.partitions", "4")
        .containsEntry("value.converter", shipped.config().get("value.converter"))
        .containsEntry("late.ratio", shipped.config().get("late.ratio"));
  }

  @Test
  void theLiveGeneratorFollowsTheWallClockWithoutLateEvents() {
    ConnectorConfigFile live = GeneratorConfigs.live(shipped, "gen", "t", 120_000, 2_000, 4);

    assertThat(live.config()).containsEntry("events.per.second", "2000")
        .containsEntry("events.total", "120000")
        .containsEntry("late.ratio", "0")
        .containsEntry("invalid.ratio", "0")
        .doesNotContainKey("event.time.start.ms");
  }
}
