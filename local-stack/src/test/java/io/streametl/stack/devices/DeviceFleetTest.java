package io.streametl.stack.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DeviceFleetTest {

  @Test
  void devicesAreTheSameRunAfterRunAndSpreadOverSitesAndTypes() {
    List<Device> fleet = DeviceFleet.of(24);

    assertThat(fleet).isEqualTo(DeviceFleet.of(24));
    assertThat(fleet).extracting(Device::id).doesNotHaveDuplicates();
    assertThat(fleet).extracting(Device::site).containsOnly("berlin", "lisbon", "oslo", "madrid");
    assertThat(fleet).extracting(Device::type).containsOnly("thermostat", "meter", "tracker");
    assertThat(fleet.get(5).telemetryTopic())
        .isEqualTo("devices/" + fleet.get(5).site() + "/" + fleet.get(5).type() + "/dev-00005/telemetry");
  }

  @Test
  void anEmptyFleetIsRejected() {
    assertThatThrownBy(() -> DeviceFleet.of(0)).hasMessageContaining("at least one device");
  }
}
