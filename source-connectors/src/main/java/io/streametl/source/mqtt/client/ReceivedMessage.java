package io.streametl.source.mqtt.client;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One message as the broker delivered it, with the means to acknowledge it. The acknowledgement
 * (PUBACK, or PUBREC for QoS 2) goes to the broker at most once, and only when {@link #acknowledge}
 * is called, which the task does once Kafka has the record.
 */
public final class ReceivedMessage {

  private final String topic;
  private final byte[] payload;
  private final int qos;
  private final boolean retained;
  private final List<Map.Entry<String, String>> userProperties;
  private final String contentType;
  private final Runnable ack;
  private final AtomicBoolean acknowledged = new AtomicBoolean();
  private final long receivedNanos = System.nanoTime();

  /**
   * @param userProperties MQTT 5 user properties in order (names may repeat); empty on 3.1.1
   * @param contentType the MQTT 5 content type, or null
   */
  public ReceivedMessage(String topic, byte[] payload, int qos, boolean retained,
      List<Map.Entry<String, String>> userProperties, String contentType, Runnable ack) {
    this.topic = topic;
    this.payload = payload;
    this.qos = qos;
    this.retained = retained;
    this.userProperties = userProperties;
    this.contentType = contentType;
    this.ack = ack;
  }

  /** When the client received the message ({@link System#nanoTime()}), for the poll-latency metric. */
  public long receivedNanos() {
    return receivedNanos;
  }

  public String topic() {
    return topic;
  }

  public byte[] payload() {
    return payload;
  }

  public int qos() {
    return qos;
  }

  public boolean retained() {
    return retained;
  }

  public List<Map.Entry<String, String>> userProperties() {
    return userProperties;
  }

  public String contentType() {
    return contentType;
  }

  /** Sends the acknowledgement, the first time only; returns whether this call sent it. */
  public boolean acknowledge() {
    if (acknowledged.compareAndSet(false, true)) {
      ack.run();
      return true;
    }
    return false;
  }
}
