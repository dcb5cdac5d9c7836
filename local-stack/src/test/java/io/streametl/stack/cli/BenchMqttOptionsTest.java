package io.streametl.stack.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streametl.stack.bench.MqttBenchSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchMqttOptionsTest {

  @Test
  void measuresQosZeroAndOneByDefault() {
    MqttBenchSettings settings = BenchMqttOptions.parse(List.of());

    assertThat(settings.qosLevels()).containsExactly(0, 1);
    assertThat(settings.messages()).isEqualTo(200_000);
    assertThat(settings.devices()).isEqualTo(100);
    assertThat(settings.warmupRounds()).isEqualTo(2);
  }

  @Test
  void takesTheWarmUpRoundsAndRejectsANegativeCount() {
    assertThat(BenchMqttOptions.parse(List.of("--warmup-rounds", "3")).warmupRounds()).isEqualTo(3);
    assertThat(BenchMqttOptions.parse(List.of("--warmup-rounds", "0")).warmupRounds()).isZero();
    assertThatThrownBy(() -> BenchMqttOptions.parse(List.of("--warmup-rounds", "-1")))
        .isInstanceOf(UsageException.class).hasMessageContaining("--warmup-rounds");
  }

  @Test
  void takesConnectorAndWorkerOverrides() {
    MqttBenchSettings settings = BenchMqttOptions.parse(List.of("--set",
        "mqtt.max.inflight=5000, max.batch.size=1000", "--worker-set",
        "exactly.once.source.support=disabled"));

    assertThat(settings.connectorOverrides())
        .containsExactlyInAnyOrderEntriesOf(java.util.Map.of("mqtt.max.inflight", "5000",
            "max.batch.size", "1000"));
    assertThat(settings.workerOverrides())
        .containsExactlyEntriesOf(java.util.Map.of("exactly.once.source.support", "disabled"));
    assertThatThrownBy(() -> BenchMqttOptions.parse(List.of("--worker-set", "novalue")))
        .isInstanceOf(UsageException.class).hasMessageContaining("--worker-set");
  }

  @Test
  void aPieceWithoutAnEqualsSignContinuesTheListValueBeforeIt() {
    MqttBenchSettings settings = BenchMqttOptions.parse(List.of("--set",
        "mqtt.topic.filters=devices/berlin/#,devices/oslo/#,tasks.max=2"));

    assertThat(settings.connectorOverrides()).containsExactlyEntriesOf(java.util.Map.of(
        "mqtt.topic.filters", "devices/berlin/#,devices/oslo/#", "tasks.max", "2"));
    assertThatThrownBy(() -> BenchMqttOptions.parse(List.of("--set", "novalue,tasks.max=2")))
        .isInstanceOf(UsageException.class).hasMessageContaining("novalue");
  }

  @Test
  void takesQosLevelsAndRejectsOthers() {
    assertThat(BenchMqttOptions.parse(List.of("--qos", "1, 2", "--messages", "5000")))
        .satisfies(s -> {
          assertThat(s.qosLevels()).containsExactly(1, 2);
          assertThat(s.messages()).isEqualTo(5000);
        });
    assertThatThrownBy(() -> BenchMqttOptions.parse(List.of("--qos", "3")))
        .isInstanceOf(UsageException.class).hasMessageContaining("0, 1 or 2");
  }
}
