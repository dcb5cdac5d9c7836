package io.streametl.stack.bench;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The limit the MQTT source is compared with: a plain subscriber with a persistent session that
 * only counts what arrives and lets the client acknowledge each message (no Kafka, no parsing).
 */
final class BareMqttSubscriber implements AutoCloseable {

  private final Mqtt5AsyncClient client;
  private final AtomicLong received = new AtomicLong();
  private volatile long firstNanos;
  private volatile long lastNanos;

  BareMqttSubscriber(String host, int port, String clientId) {
    this.client = MqttClient.builder().useMqttVersion5().identifier(clientId)
        .serverHost(host).serverPort(port).buildAsync();
  }

  /** Connects with a persistent session and subscribes, then starts counting. */
  void connect(String filter, int qos) {
    client.publishes(MqttGlobalPublishFilter.ALL, publish -> {
      long now = System.nanoTime();
      if (received.getAndIncrement() == 0) {
        firstNanos = now;
      }
      lastNanos = now;
    });
    client.connectWith().cleanStart(false).sessionExpiryInterval(3600).send().join();
    client.subscribeWith().topicFilter(filter).qos(MqttQos.fromCode(qos)).send().join();
  }

  long received() {
    return received.get();
  }

  long spanNanos() {
    return received.get() < 2 ? 0 : lastNanos - firstNanos;
  }

  @Override
  public void close() {
    try {
      client.disconnect().get(10, TimeUnit.SECONDS);
    } catch (Exception ignored) {
      // Benchmark teardown: the broker drops the connection anyway.
    }
  }

  /** Removes a persistent session so it stops collecting messages for later runs. */
  static void forgetSession(String host, int port, String clientId) {
    Mqtt5AsyncClient client = MqttClient.builder().useMqttVersion5().identifier(clientId)
        .serverHost(host).serverPort(port).buildAsync();
    client.connectWith().cleanStart(true).sessionExpiryInterval(0).send().join();
    client.disconnect().join();
  }
}
