package io.streametl.stack.cli;

import io.streametl.stack.devices.DeviceSimulator;
import io.streametl.stack.iceberg.LocalIcebergCatalog;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's devices pipeline in one line: messages the simulator published to the MQTT broker,
 * records the MQTT source wrote to Kafka, rows in the Iceberg table, and malformed payloads in the
 * source's error topic.
 */
final class DevicesProgress implements AutoCloseable {

  static final String TOPIC = "iot.telemetry";
  static final String ERROR_TOPIC = "iot.errors";
  static final String TABLE = "iot.telemetry";

  private static final Logger LOG = LoggerFactory.getLogger(DevicesProgress.class);

  private final DeviceSimulator simulator;
  private final TopicRecordCounter counter;
  private final DemoOptions options;
  private LocalIcebergCatalog catalog;

  DevicesProgress(DeviceSimulator simulator, String bootstrapServers, DemoOptions options) {
    this.simulator = simulator;
    this.options = options;
    this.counter = new TopicRecordCounter(bootstrapServers, List.of(TOPIC, ERROR_TOPIC));
  }

  String line() {
    Map<String, Long> counts = counter.refresh();
    return format(simulator.published(), counts.getOrDefault(TOPIC, 0L), rows(),
        counts.getOrDefault(ERROR_TOPIC, 0L));
  }

  static String format(long published, long topicRecords, OptionalLong rows, long errors) {
    return String.format(Locale.ROOT,
        "        devices: mqtt published %,d | %s %,d | iceberg %s %s | %s %,d",
        published, TOPIC, topicRecords, TABLE,
        rows.isPresent() ? String.format(Locale.ROOT, "%,d", rows.getAsLong()) : "-",
        ERROR_TOPIC, errors);
  }

  private OptionalLong rows() {
    try {
      if (catalog == null) {
        catalog = LocalIcebergCatalog.openIfExists(options.catalog()).orElse(null);
        if (catalog == null) {
          return OptionalLong.empty();
        }
      }
      return catalog.committedRecords(TABLE);
    } catch (RuntimeException e) {
      LOG.debug("Could not read the Iceberg table {}: {}", TABLE, e.toString());
      return OptionalLong.empty();
    }
  }

  @Override
  public void close() {
    counter.close();
    if (catalog != null) {
      catalog.close();
    }
  }
}
