package io.streametl.source.mqtt;

import static io.streametl.source.mqtt.TaskRunner.props;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.kafka.common.metrics.JmxReporter;
import org.apache.kafka.common.metrics.KafkaMetricsContext;
import org.apache.kafka.common.metrics.MetricConfig;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.internals.PluginMetricsImpl;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.source.SourceRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MQTT source task's metrics as an operator reads them: registered through Connect's plugin
 * metrics implementation on a {@link Metrics} with the JMX reporter and the "kafka.connect"
 * prefix, as the worker sets them up, and read back from the platform MBean server.
 */
class MqttSourceMetricsTest {

  private static final MBeanServer JMX = ManagementFactory.getPlatformMBeanServer();

  @TempDir
  static Path folder;
  static EmbeddedBroker broker;

  @BeforeAll
  static void startBroker() throws Exception {
    broker = EmbeddedBroker.start(folder);
  }

  @AfterAll
  static void stopBroker() throws Exception {
    broker.close();
  }

  /** Metrics as the worker sets them up: the JMX reporter and the "kafka.connect" prefix. */
  private static Metrics jmxMetrics() {
    return new Metrics(new MetricConfig(), List.of(new JmxReporter()), Time.SYSTEM,
        new KafkaMetricsContext("kafka.connect"));
  }

  /** The plugin metrics of task 1 of the connector "mqtt-metrics", which {@link #attribute} reads. */
  private static PluginMetricsImpl taskMetrics(Metrics metrics) {
    LinkedHashMap<String, String> tags = new LinkedHashMap<>();
    tags.put("connector", "mqtt-metrics");
    tags.put("task", "1");
    return new PluginMetricsImpl(metrics, tags);
  }

  private static long attribute(String name) throws Exception {
    ObjectName pattern = new ObjectName("kafka.connect:type=plugins,connector=mqtt-metrics,task=1");
    Set<ObjectName> names = JMX.queryNames(pattern, null);
    assertThat(names).as("the task's plugin metrics MBean").hasSize(1);
    return ((Number) JMX.getAttribute(names.iterator().next(), name)).longValue();
  }

  @Test
  void countsReceivedAcknowledgedBadRetainedInFlightBackpressureAndPollLatencyOverJmx() throws Exception {
    Map<String, String> config = props(broker, "name", "mqtt-metrics", "mqtt.client.id", "metrics",
        "mqtt.version", "3.1.1", "mqtt.qos", "0", "mqtt.max.inflight", "2", "value.format", "struct",
        "retained.messages", "skip", "bad.payload.policy", "error_topic", "bad.payload.topic", "errors");
    try (Metrics metrics = jmxMetrics();
        PluginMetricsImpl pluginMetrics = taskMetrics(metrics);
        TaskRunner runner = new TaskRunner(config);
        Publisher device = new Publisher(broker)) {
      device.publish("t/state", "{\"on\": true}".getBytes(StandardCharsets.UTF_8), 0, true, Map.of(), null);
      runner.pluginMetrics = pluginMetrics;
      MqttSourceTask task = runner.start();
      Awaitility.await().until(() -> attribute("retained-skipped-total") == 1);

      device.publish("t/a", "{not json", 0);
      for (int i = 0; i < 3; i++) {
        device.publish("t/a", "{\"n\": " + i + "}", 0);
      }
      // Two messages fill the window; the third holds up the network thread.
      Awaitility.await().until(() -> attribute("backpressure-waits-total") >= 1);
      assertThat(attribute("messages-in-flight")).isEqualTo(2);
      Thread.sleep(150); // the held messages wait in the task: the next poll's latency shows it

      List<SourceRecord> held = TaskRunner.poll(task);
      assertThat(held).hasSize(2);
      assertThat(attribute("poll-latency-ms")).isGreaterThanOrEqualTo(150);
      assertThat(attribute("messages-acknowledged-total")).isZero();
      held.forEach(r -> task.commitRecord(r, null));

      List<SourceRecord> all = new ArrayList<>(held);
      all.addAll(TaskRunner.pollCount(task, true, 2));

      assertThat(all).extracting(SourceRecord::topic).containsOnlyOnce("errors");
      assertThat(attribute("messages-received-total")).isEqualTo(5); // the retained one and four live
      assertThat(attribute("retained-skipped-total")).isEqualTo(1);
      assertThat(attribute("bad-payloads-total")).isEqualTo(1);
      assertThat(attribute("messages-acknowledged-total")).isEqualTo(4);
      assertThat(attribute("messages-in-flight")).isZero();
    }
  }

  @Test
  void countsSharedResubscribesOverJmx() throws Exception {
    Map<String, String> config = props(broker, "name", "mqtt-metrics", "mqtt.client.id", "renews",
        "mqtt.shared.group", "g", "mqtt.shared.resubscribe.quiet.ms", "200");
    try (Metrics metrics = jmxMetrics();
        PluginMetricsImpl pluginMetrics = taskMetrics(metrics);
        TaskRunner runner = new TaskRunner(config)) {
      runner.pluginMetrics = pluginMetrics;
      MqttSourceTask task = runner.start();
      assertThat(attribute("shared-resubscribes-total")).isZero();

      Awaitility.await().until(() -> {
        TaskRunner.poll(task);
        return attribute("shared-resubscribes-total") >= 2;
      });
      assertThat(broker.subscribesOf("renews-0")).hasSizeGreaterThanOrEqualTo(2);
    }
  }
}
