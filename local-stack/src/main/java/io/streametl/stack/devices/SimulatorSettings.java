package io.streametl.stack.devices;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import java.time.Duration;

/**
 * @param serverHost the MQTT broker's host
 * @param serverPort the MQTT broker's port
 * @param devices how many devices publish
 * @param messagesPerSecond the fleet's total rate; 0 publishes as fast as the broker acknowledges
 * @param qos the QoS every message is published with
 * @param malformedEvery every n-th message is malformed JSON (0: never)
 * @param maxInFlight publishes not yet acknowledged by the broker (QoS >= 1) before it waits
 */
public record SimulatorSettings(String serverHost, int serverPort, int devices,
    int messagesPerSecond, MqttQos qos, int malformedEvery, int maxInFlight) {

  public SimulatorSettings {
    if (devices < 1) {
      throw new IllegalArgumentException("devices must be at least 1, got " + devices);
    }
    if (messagesPerSecond < 0) {
      throw new IllegalArgumentException("messagesPerSecond must be >= 0, got " + messagesPerSecond);
    }
    if (malformedEvery < 0) {
      throw new IllegalArgumentException("malformedEvery must be >= 0, got " + malformedEvery);
    }
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("maxInFlight must be at least 1, got " + maxInFlight);
    }
  }

  public static SimulatorSettings of(String host, int port, int devices) {
    return new SimulatorSettings(host, port, devices, 0, MqttQos.AT_LEAST_ONCE, 0, 1000);
  }

  public SimulatorSettings withRate(int perSecond) {
    return new SimulatorSettings(serverHost, serverPort, devices, perSecond, qos, malformedEvery,
        maxInFlight);
  }

  public SimulatorSettings withQos(MqttQos newQos) {
    return new SimulatorSettings(serverHost, serverPort, devices, messagesPerSecond, newQos,
        malformedEvery, maxInFlight);
  }

  public SimulatorSettings withMalformedEvery(int every) {
    return new SimulatorSettings(serverHost, serverPort, devices, messagesPerSecond, qos, every,
        maxInFlight);
  }

  /** The pause between two messages at the configured rate (zero when unthrottled). */
  Duration interval() {
    return messagesPerSecond == 0 ? Duration.ZERO : Duration.ofNanos(1_000_000_000L / messagesPerSecond);
  }
}
