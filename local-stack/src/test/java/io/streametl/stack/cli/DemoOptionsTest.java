package io.streametl.stack.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoOptionsTest {

  @Test
  void defaultsMatchTheReadme() {
    DemoOptions options = DemoOptions.parse(List.of());

    assertThat(options.dataDir()).isEqualTo(Path.of("data").toAbsolutePath());
    assertThat(options.kafkaPort()).isEqualTo(19092);
    assertThat(options.connectPorts()).containsExactly(18083, 18084);
    assertThat(options.configs()).containsExactly(
        Path.of("connect-configs/subscription-events-generator.json"),
        Path.of("connect-configs/subscription-events-iceberg.json"),
        Path.of("connect-configs/mqtt-devices-source.json"),
        Path.of("connect-configs/iot-telemetry-iceberg.json"),
        Path.of("connect-configs/http-api-source.json"));
    assertThat(options.mqttPort()).isEqualTo(11883);
    assertThat(options.devices()).isEqualTo(50);
    assertThat(options.deviceRate()).isEqualTo(100);
    assertThat(options.topic()).isEqualTo("subscription-events");
    assertThat(options.dlqTopic()).isEqualTo("subscription-events-dlq");
    assertThat(options.table()).isEqualTo("demo.subscription_events");
    assertThat(options.catalog().catalogName()).isEqualTo("local");
    assertThat(options.catalog().catalogDb())
        .isEqualTo(Path.of("data/iceberg/catalog.db").toAbsolutePath());
    assertThat(options.reset()).isFalse();
  }

  @Test
  void theDevicesPipelineCanBeQuietOrBusier() {
    DemoOptions options = DemoOptions.parse(List.of("--devices", "0", "--device-rate", "2000",
        "--mqtt-port", "0"));

    assertThat(options.devices()).isZero();
    assertThat(options.deviceRate()).isEqualTo(2000);
    assertThat(options.mqttPort()).isZero();
    assertThatThrownBy(() -> DemoOptions.parse(List.of("--devices", "-1")))
        .isInstanceOf(UsageException.class).hasMessageContaining("--devices");
    assertThatThrownBy(() -> DemoOptions.parse(List.of("--device-rate", "0")))
        .isInstanceOf(UsageException.class).hasMessageContaining("--device-rate");
  }

  @Test
  void theCatalogFollowsTheDataDirUnlessGiven() {
    DemoOptions options = DemoOptions.parse(List.of("--data-dir", "/tmp/d",
        "--warehouse", "/w"));

    assertThat(options.catalog().catalogDb()).isEqualTo(Path.of("/tmp/d/iceberg/catalog.db"));
    assertThat(options.catalog().warehouse()).isEqualTo(Path.of("/w"));
  }

  @Test
  void oneWorkerPerConnectPort() {
    assertThat(DemoOptions.parse(List.of("--connect-ports", "0,0,0")).connectPorts()).hasSize(3);
    assertThatThrownBy(() -> DemoOptions.parse(List.of("--connect-ports", ",")))
        .hasMessage("Option --connect-ports needs at least one port.");
  }

  @Test
  void tableNeedsANamespace() {
    assertThatThrownBy(() -> DemoOptions.parse(List.of("--table", "events")))
        .hasMessage("Option --table needs NAMESPACE.TABLE, got 'events'.");
  }
}
