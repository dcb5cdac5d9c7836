package io.streametl.source.mqtt;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishBuilder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A device: publishes MQTT 5 messages to the test broker and waits for the broker's ack. */
final class Publisher implements AutoCloseable {

  private final Mqtt5BlockingClient client;

  Publisher(EmbeddedBroker broker) {
    client = MqttClient.builder().useMqttVersion5()
        .identifier("device-" + UUID.randomUUID())
        .serverHost("127.0.0.1").serverPort(broker.port)
        .buildBlocking();
    if (broker.username == null) {
      client.connect();
    } else {
      client.connectWith().simpleAuth().username(broker.username)
          .password(broker.password.getBytes(StandardCharsets.UTF_8)).applySimpleAuth().send();
    }
  }

  /**
   * Publishes at QoS 1, the payloads in turn from 7 devices: {@code <site>/d<0..6>/telemetry}.
   */
  void publishFromDevices(String site, List<String> payloads) {
    for (int i = 0; i < payloads.size(); i++) {
      publish(site + "/d" + (i % 7) + "/telemetry", payloads.get(i), 1);
    }
  }

  void publish(String topic, String payload, int qos) {
    publish(topic, payload.getBytes(StandardCharsets.UTF_8), qos, false, Map.of(), null);
  }

  void publish(String topic, byte[] payload, int qos, boolean retain,
      Map<String, String> userProperties, String contentType) {
    Mqtt5PublishBuilder.Complete builder = com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish
        .builder().topic(topic).payload(payload).qos(MqttQos.fromCode(qos)).retain(retain);
    if (!userProperties.isEmpty()) {
      var props = com.hivemq.client.mqtt.mqtt5.datatypes.Mqtt5UserProperties.builder();
      userProperties.forEach(props::add);
      builder.userProperties(props.build());
    }
    if (contentType != null) {
      builder.contentType(contentType);
    }
    client.publish(builder.build());
  }

  @Override
  public void close() {
    client.disconnect();
  }
}
