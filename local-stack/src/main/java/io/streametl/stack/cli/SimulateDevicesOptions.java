package io.streametl.stack.cli;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import io.streametl.stack.devices.SimulatorSettings;
import java.net.URI;
import java.util.List;

/**
 * The options of {@code streametl simulate-devices}, parsed into the simulator's settings. The
 * defaults are the demo's: 50 devices, 100 messages/s in all, QoS 1, one message in 500
 * malformed.
 */
final class SimulateDevicesOptions {

  static final String DEFAULT_BROKER = "tcp://127.0.0.1:11883";
  static final int DEFAULT_DEVICES = 50;
  static final int DEFAULT_RATE = 100;
  static final int DEFAULT_MALFORMED_EVERY = 500;
  static final int DEFAULT_QOS = 1;

  static final List<OptionSpec> SPECS = List.of(
      OptionSpec.value("--broker", "tcp://HOST:PORT", "the MQTT broker (default " + DEFAULT_BROKER
          + ")"),
      OptionSpec.value("--devices", "N", "simulated devices (default " + DEFAULT_DEVICES + ")"),
      OptionSpec.value("--rate", "N", "messages per second, all devices together (default "
          + DEFAULT_RATE + ")"),
      OptionSpec.value("--qos", "Q", "QoS of every message, 0, 1 or 2 (default " + DEFAULT_QOS
          + ")"),
      OptionSpec.value("--malformed-every", "N", "every N-th message is malformed JSON, 0 for"
          + " none (default " + DEFAULT_MALFORMED_EVERY + ")"));

  private SimulateDevicesOptions() {}

  static SimulatorSettings parse(List<String> args) {
    ParsedOptions options = ParsedOptions.parse("simulate-devices", SPECS, args);
    URI broker = broker(options.string("--broker", DEFAULT_BROKER));
    return SimulatorSettings.of(broker.getHost(), broker.getPort(),
            options.positiveInt("--devices", DEFAULT_DEVICES))
        .withRate(options.positiveInt("--rate", DEFAULT_RATE))
        .withQos(qos(options.string("--qos", String.valueOf(DEFAULT_QOS))))
        .withMalformedEvery(options.nonNegativeInt("--malformed-every", DEFAULT_MALFORMED_EVERY));
  }

  /** tcp://host:port, as the MQTT source's mqtt.server.uri writes it; no TLS in the simulator. */
  static URI broker(String text) {
    URI uri;
    try {
      uri = URI.create(text.trim());
    } catch (IllegalArgumentException e) {
      uri = null;
    }
    if (uri == null || !"tcp".equals(uri.getScheme()) || uri.getHost() == null
        || uri.getPort() < 1) {
      throw new UsageException("Option --broker takes tcp://HOST:PORT, got '" + text + "'.");
    }
    return uri;
  }

  private static MqttQos qos(String text) {
    return switch (text.trim()) {
      case "0" -> MqttQos.AT_MOST_ONCE;
      case "1" -> MqttQos.AT_LEAST_ONCE;
      case "2" -> MqttQos.EXACTLY_ONCE;
      default -> throw new UsageException("Option --qos takes 0, 1 or 2, got '" + text + "'.");
    };
  }
}
