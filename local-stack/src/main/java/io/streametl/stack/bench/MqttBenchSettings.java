package io.streametl.stack.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Settings of {@code streametl bench-mqtt}.
 *
 * @param messages messages published per measured run
 * @param warmupRounds rounds run and printed before the one that counts, for both consumers alike
 * @param devices devices of the simulator (topics)
 * @param qosLevels the QoS levels measured, each for the bare subscriber and the MQTT source
 * @param connectorOverrides settings of the MQTT source that replace those of its config file
 * @param workerOverrides worker properties that replace the local stack's (e.g. to run the source
 *     on at-least-once workers: exactly.once.source.support=disabled)
 */
public record MqttBenchSettings(long messages, int warmupRounds, int devices, List<Integer> qosLevels,
    Map<String, String> connectorOverrides, Map<String, String> workerOverrides, Path dataDir, Path configsDir, Path kafkaLibs,
    Path bundleZip, Path mqttBrokerLibs) {

  public MqttBenchSettings {
    qosLevels = List.copyOf(qosLevels);
    connectorOverrides = Map.copyOf(connectorOverrides);
    workerOverrides = Map.copyOf(workerOverrides);
  }
}
