package io.streametl.stack.cli;

import io.streametl.stack.devices.DeviceSimulator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * The demo's devices pipeline in one line: messages the simulator published to the MQTT broker,
 * records the MQTT source wrote to Kafka, rows in the Iceberg table, and malformed payloads in the
 * source's error topic. The figures come from the demo's one progress reader.
 */
final class DevicesProgress {

  static final String TOPIC = "iot.telemetry";
  static final String ERROR_TOPIC = "iot.errors";
  static final String TABLE = "iot.telemetry";
  static final List<String> TOPICS = List.of(TOPIC, ERROR_TOPIC);

  private final DeviceSimulator simulator;
  private final DemoProgress progress;

  DevicesProgress(DeviceSimulator simulator, DemoProgress progress) {
    this.simulator = simulator;
    this.progress = progress;
  }

  /** After {@link DemoProgress#sample()} in the same tick. */
  String line() {
    return format(simulator.published(), progress.committedRecords(TOPIC),
        progress.tableRows(TABLE), progress.committedRecords(ERROR_TOPIC));
  }

  static String format(long published, long topicRecords, OptionalLong rows, long errors) {
    return String.format(Locale.ROOT,
        "        devices: mqtt published %,d | %s %,d | iceberg %s %s | %s %,d",
        published, TOPIC, topicRecords, TABLE,
        rows.isPresent() ? String.format(Locale.ROOT, "%,d", rows.getAsLong()) : "-",
        ERROR_TOPIC, errors);
  }
}
