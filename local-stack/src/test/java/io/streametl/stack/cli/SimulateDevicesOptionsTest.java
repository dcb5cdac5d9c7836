package io.streametl.stack.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import io.streametl.stack.devices.SimulatorSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulateDevicesOptionsTest {

  @Test
  void defaultsAreTheDemosFleet() {
    SimulatorSettings settings = SimulateDevicesOptions.parse(List.of());

    assertThat(settings.serverHost()).isEqualTo("127.0.0.1");
    assertThat(settings.serverPort()).isEqualTo(11883);
    assertThat(settings.devices()).isEqualTo(50);
    assertThat(settings.messagesPerSecond()).isEqualTo(100);
    assertThat(settings.qos()).isEqualTo(MqttQos.AT_LEAST_ONCE);
    assertThat(settings.malformedEvery()).isEqualTo(500);
  }

  @Test
  void readsTheComposeStacksCommandLine() {
    SimulatorSettings settings = SimulateDevicesOptions.parse(List.of("--broker",
        "tcp://mosquitto:1883", "--devices", "20", "--rate", "40", "--qos", "2",
        "--malformed-every", "0"));

    assertThat(settings.serverHost()).isEqualTo("mosquitto");
    assertThat(settings.serverPort()).isEqualTo(1883);
    assertThat(settings.devices()).isEqualTo(20);
    assertThat(settings.messagesPerSecond()).isEqualTo(40);
    assertThat(settings.qos()).isEqualTo(MqttQos.EXACTLY_ONCE);
    assertThat(settings.malformedEvery()).isZero();
  }

  @Test
  void aBrokerWithoutSchemeOrPortIsNamedInTheError() {
    for (String bad : List.of("mosquitto:1883", "tcp://mosquitto", "ssl://mosquitto:8883", "::")) {
      assertThatThrownBy(() -> SimulateDevicesOptions.parse(List.of("--broker", bad)))
          .isInstanceOf(UsageException.class).hasMessageContaining("--broker")
          .hasMessageContaining(bad);
    }
  }

  @Test
  void rejectsQosOutsideZeroToTwoAndNonPositiveRates() {
    assertThatThrownBy(() -> SimulateDevicesOptions.parse(List.of("--qos", "3")))
        .isInstanceOf(UsageException.class).hasMessageContaining("--qos");
    assertThatThrownBy(() -> SimulateDevicesOptions.parse(List.of("--rate", "0")))
        .isInstanceOf(UsageException.class).hasMessageContaining("--rate");
  }
}
