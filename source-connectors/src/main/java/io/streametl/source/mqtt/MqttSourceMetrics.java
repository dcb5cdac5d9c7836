package io.streametl.source.mqtt;

import static io.streametl.common.metrics.PluginMetricsSupport.addGauge;

import io.streametl.common.metrics.PluginMetricsSupport;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.source.SourceTaskContext;

/**
 * Registers the task's {@link MqttSourceCounters} with Connect's plugin metrics (KIP-877, Kafka
 * 4.1+). The worker's JMX reporter shows them as attributes of
 * {@code kafka.connect:type=plugins,connector=<name>,task=<id>}; docs/mqtt-source.md lists them.
 * On a runtime without plugin metrics nothing is registered and the counters still feed the log
 * summary.
 */
final class MqttSourceMetrics {

  private MqttSourceMetrics() {}

  static void register(SourceTaskContext context, MqttSourceCounters counters) {
    PluginMetrics plugin = PluginMetricsSupport.orNull(
        () -> context == null ? null : context.pluginMetrics(), "the MQTT source");
    if (plugin == null) {
      return;
    }
    addGauge(plugin, "messages-received-total", "MQTT messages received from the broker", counters::received);
    addGauge(plugin, "messages-acknowledged-total", "MQTT messages acknowledged to the broker after Kafka had "
        + "their records (or a transform dropped them)", counters::acknowledged);
    addGauge(plugin, "bad-payloads-total", "Messages whose payload could not become a record", counters::badPayloads);
    addGauge(plugin, "retained-skipped-total", "Retained messages skipped (retained.messages=skip)",
        counters::retainedSkipped);
    addGauge(plugin, "messages-in-flight", "Messages received but not yet acknowledged (bounded by mqtt.max.inflight)",
        counters::inflight);
    addGauge(plugin, "backpressure-waits-total", "Times a full in-flight window held up reading from the broker",
        counters::backpressureWaits);
    addGauge(plugin, "shared-resubscribes-total", "Times the task subscribed again to its shared "
        + "subscriptions after a quiet spell (mqtt.shared.resubscribe.quiet.ms)",
        counters::sharedResubscribes);
    addGauge(plugin, "poll-latency-ms", "In the last poll that returned records, the longest time a message "
        + "waited in the task between arriving from the broker and being handed to Connect",
        counters::pollLatencyMs);
  }
}
