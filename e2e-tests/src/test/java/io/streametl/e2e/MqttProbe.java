package io.streametl.e2e;

import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/**
 * Waits until an MQTT source delivers: MQTT keeps nothing for a filter nobody has subscribed to
 * yet, and Connect reports a task RUNNING before its start() has subscribed, so a test publishes
 * probe messages (a device named "probe" on the devices' topic layout) until one reaches the
 * Kafka topic. Probes published before the subscription are dropped by the broker; the ones
 * after it arrive in order, so once one has landed, no earlier one is still on its way.
 */
final class MqttProbe {

  static final String ID_PREFIX = "probe-";
  private static final String TOPIC = "devices/probe/probe/probe/telemetry";

  private MqttProbe() {}

  static boolean isProbe(String messageId) {
    return messageId.startsWith(ID_PREFIX);
  }

  /** Publishes a probe every second until one is committed in {@code kafkaTopic}. */
  static void awaitDelivering(String serverUri, String bootstrapServers, String kafkaTopic) {
    URI uri = URI.create(serverUri);
    Mqtt5BlockingClient client = MqttClient.builder().useMqttVersion5()
        .identifier("streametl-e2e-probe-" + UUID.randomUUID())
        .serverHost(uri.getHost()).serverPort(uri.getPort()).buildBlocking();
    client.connect();
    try {
      int[] sent = {0};
      await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1)).until(() -> {
        String payload = "{\"message_id\":\"" + ID_PREFIX + sent[0]++ + "\",\"device_id\":\"probe\"}";
        client.publishWith().topic(TOPIC).qos(MqttQos.AT_LEAST_ONCE)
            .payload(payload.getBytes(StandardCharsets.UTF_8)).send();
        return landed(bootstrapServers, kafkaTopic);
      });
    } finally {
      client.disconnect();
    }
  }

  private static boolean landed(String bootstrapServers, String kafkaTopic) {
    try {
      return CommittedRecords.readAll(bootstrapServers, kafkaTopic).stream()
          .anyMatch(record -> isProbe(record.value().path("message_id").asText()));
    } catch (org.apache.kafka.common.errors.TimeoutException notCreatedYet) {
      return false;
    }
  }
}
