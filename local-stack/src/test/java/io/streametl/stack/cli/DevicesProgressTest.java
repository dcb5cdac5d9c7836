package io.streametl.stack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class DevicesProgressTest {

  @Test
  void showsEveryStageOfTheDevicesPipeline() {
    assertThat(DevicesProgress.format(12_345, 12_000, OptionalLong.of(11_500), 24))
        .isEqualTo("        devices: mqtt published 12,345 | iot.telemetry 12,000"
            + " | iceberg iot.telemetry 11,500 | iot.errors 24");
  }

  @Test
  void aTableNotCreatedYetShowsAsUnknown() {
    assertThat(DevicesProgress.format(0, 0, OptionalLong.empty(), 0))
        .contains("iceberg iot.telemetry - |");
  }
}
