package io.streametl.stack;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import io.streametl.stack.process.JavaProcess;
import io.streametl.stack.process.LogTail;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The stack's MQTT broker: HiveMQ Community Edition in a JVM of its own (module mqtt-broker),
 * with file persistence under {@code mqtt/}, so persistent sessions and their queued messages
 * survive {@link #restart()} and a second run on the same data directory.
 */
public final class MqttBroker extends ServerProcess {

  static final String NAME = "mqtt-broker";
  private static final String MAIN_CLASS = "io.streametl.mqttbroker.MqttBrokerMain";

  private final int port;
  private final Duration startTimeout;

  MqttBroker(int port, Path brokerLibs, StackLayout layout, ChildJvmFactory jvms,
      Duration startTimeout) {
    super(new JavaProcess(jvms.spec(NAME, "the MQTT broker", "512m",
        List.of(brokerLibs.resolve("*").toString()), MAIN_CLASS,
        List.of(Ports.HOST, Integer.toString(port), layout.mqttDir().toString()), Map.of())));
    this.port = port;
    this.startTimeout = startTimeout;
  }

  /** Where MQTT clients connect: {@code tcp://127.0.0.1:<port>}. */
  public String serverUri() {
    return "tcp://" + Ports.HOST + ":" + port;
  }

  public int port() {
    return port;
  }

  /** Waits until the broker accepts an MQTT connection. */
  @Override
  void awaitReady() {
    Poll.until("the MQTT broker on " + serverUri() + " to accept a connection", startTimeout,
        () -> {
          failIfExited();
          return acceptsConnection() ? Optional.of(true) : Optional.empty();
        });
  }

  private boolean acceptsConnection() {
    Mqtt5BlockingClient probe = MqttClient.builder()
        .useMqttVersion5()
        .identifier("streametl-stack-probe-" + UUID.randomUUID())
        .serverHost(Ports.HOST)
        .serverPort(port)
        .buildBlocking();
    try {
      probe.connectWith().cleanStart(true).send();
      probe.disconnect();
      return true;
    } catch (RuntimeException notYet) {
      return false;
    }
  }

  private void failIfExited() {
    process.exitCode().ifPresent(code -> {
      Path output = process.spec().outputFile();
      throw new Poll.Abort(new LocalStackException("The MQTT broker exited with code " + code
          + " during start-up; see " + output + ". Last lines:" + System.lineSeparator()
          + LogTail.describe(output, 15)));
    });
  }
}
