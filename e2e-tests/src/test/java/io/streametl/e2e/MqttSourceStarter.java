package io.streametl.e2e;

import io.streametl.stack.LocalStack;
import io.streametl.stack.rest.ConnectorConfigFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Creates an MQTT source from connect-configs/mqtt-devices-source.json on the stack's MQTT broker
 * and returns once it delivers: RUNNING comes before a task's start() has subscribed, and MQTT
 * keeps nothing for a filter nobody subscribed to, so it probes until a message lands
 * ({@link MqttProbe}).
 */
final class MqttSourceStarter {

  static final String CONFIG_FILE = "mqtt-devices-source.json";

  private MqttSourceStarter() {}

  /**
   * The connector config: the file's, with these settings over it.
   *
   * @param name the connector's name, also its MQTT client id prefix
   * @param tasks tasks.max; with more than one, {@code sharedGroup} spreads the filter over them
   * @param sharedGroup the MQTT 5 shared subscription group, or "" for none
   * @param overrides further settings over the config file's (kafka.topic, bad.payload.topic, ...)
   */
  static ConnectorConfigFile config(String name, int tasks, String sharedGroup, Map<String, String> overrides) {
    Map<String, String> settings = new HashMap<>();
    settings.put("tasks.max", Integer.toString(tasks));
    settings.put("mqtt.shared.group", sharedGroup);
    settings.put("mqtt.client.id", name);
    settings.putAll(overrides);
    return ConnectorConfigFile.load(Path.of(System.getProperty("streametl.connect.configs")).resolve(CONFIG_FILE))
        .withName(name).withOverrides(settings);
  }

  /** {@link #config} and {@link #start(LocalStack, ConnectorConfigFile)} in one. */
  static ConnectorConfigFile start(LocalStack stack, String name, int tasks, String sharedGroup,
      Map<String, String> overrides) {
    return start(stack, config(name, tasks, sharedGroup, overrides));
  }

  /** Creates the connector and returns once every task runs and a probe message has landed. */
  static ConnectorConfigFile start(LocalStack stack, ConnectorConfigFile connector) {
    stack.rest().createOrUpdate(connector.name(), connector.config());
    stack.rest().awaitRunning(connector.name(), Integer.parseInt(connector.config().get("tasks.max")),
        Duration.ofMinutes(2));
    MqttProbe.awaitDelivering(stack.mqttBroker().orElseThrow().serverUri(), stack.bootstrapServers(),
        connector.config().get("kafka.topic"));
    return connector;
  }
}
