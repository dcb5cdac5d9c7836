package io.streametl.source.mqtt;

import java.util.LinkedHashMap;
import java.util.function.LongSupplier;
import org.apache.kafka.common.metrics.Gauge;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the task's {@link MqttSourceCounters} with Connect's plugin metrics (KIP-877, Kafka
 * 4.1+). The worker's JMX reporter shows them as attributes of
 * {@code kafka.connect:type=plugins,connector=<name>,task=<id>}; docs/mqtt-source.md lists them.
 * On a runtime without plugin metrics nothing is registered and the counters still feed the log
 * summary.
 */
final class MqttSourceMetrics {

  private static final Logger log = LoggerFactory.getLogger(MqttSourceMetrics.class);

  private MqttSourceMetrics() {}

  static void register(SourceTaskContext context, MqttSourceCounters counters) {
    PluginMetrics plugin;
    try {
      plugin = context == null ? null : context.pluginMetrics();
    } catch (NoSuchMethodError | NoClassDefFoundError e) {
      plugin = null; // a runtime older than Kafka 4.1
    }
    if (plugin == null) {
      log.info("The Connect runtime offers no plugin metrics (Kafka 4.1+); the MQTT source's metrics are not reported");
      return;
    }
    add(plugin, "messages-received-total", "MQTT messages received from the broker", counters::received);
    add(plugin, "messages-acknowledged-total", "MQTT messages acknowledged to the broker after Kafka had "
        + "their records (or a transform dropped them)", counters::acknowledged);
    add(plugin, "bad-payloads-total", "Messages whose payload could not become a record", counters::badPayloads);
    add(plugin, "retained-skipped-total", "Retained messages skipped (retained.messages=skip)",
        counters::retainedSkipped);
    add(plugin, "messages-in-flight", "Messages received but not yet acknowledged (bounded by mqtt.max.inflight)",
        counters::inflight);
    add(plugin, "backpressure-waits-total", "Times a full in-flight window held up reading from the broker",
        counters::backpressureWaits);
    add(plugin, "poll-latency-ms", "In the last poll that returned records, the longest time a message "
        + "waited in the task between arriving from the broker and being handed to Connect",
        counters::pollLatencyMs);
  }

  private static void add(PluginMetrics plugin, String name, String description, LongSupplier value) {
    plugin.addMetric(plugin.metricName(name, description, new LinkedHashMap<>()),
        (Gauge<Long>) (config, now) -> value.getAsLong());
  }
}
