package io.streametl.stack.bench;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import io.streametl.stack.LocalStack;
import io.streametl.stack.MqttBroker;
import io.streametl.stack.Poll;
import io.streametl.stack.Ports;
import io.streametl.stack.StackLayout;
import io.streametl.stack.config.WorkerConfig;
import io.streametl.stack.devices.DeviceSimulator;
import io.streametl.stack.devices.SimulatorSettings;
import io.streametl.stack.rest.ConnectRestClient;
import io.streametl.stack.rest.ConnectorConfigFile;
import io.streametl.stack.rest.ConnectorStatus;
import io.streametl.stack.rest.TaskStatus;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * {@code streametl bench-mqtt}: messages/s from the MQTT broker into Kafka through the MQTT source
 * (1 task unless {@code --set tasks.max=N,mqtt.shared.group=G}, exactly-once source support on the
 * worker, JSON to Struct, topic-level mapping),
 * against a bare MQTT subscriber on the same broker, which is the limit.
 *
 * <p>At QoS 1 and 2 both consumers drain a backlog: they subscribe with a persistent session, go
 * away (the connector is stopped through the REST API), the simulator publishes the messages,
 * which the broker queues, and the consumer comes back; the rate is the messages over the span
 * from the first to the last arrival (for the source: the Kafka timestamps of the records). This
 * measures the consumer's path, not the publisher's. QoS 0 messages are not queued for offline
 * sessions, so at QoS 0 both consumers are connected while the simulator publishes as fast as it
 * can, and the figure is bounded by the publisher. Each measurement runs after warm-up rounds
 * (two by default) and the last round counts: they warm up the JIT of every process.
 */
public final class MqttBenchmark {

  private static final String CONFIG_FILE = "mqtt-devices-source.json";
  private static final String FILTER = "devices/#";
  private static final Duration STALL = Duration.ofSeconds(15);

  private final MqttBenchSettings settings;
  private final PrintStream out;

  public MqttBenchmark(MqttBenchSettings settings, PrintStream out) {
    this.settings = settings;
    this.out = out;
  }

  public List<MqttRunResult> run() throws InterruptedException {
    StackLayout layout = new StackLayout(settings.dataDir());
    layout.reset();
    out.println("Machine: " + MachineInfo.current().describe());
    if (!settings.connectorOverrides().isEmpty() || !settings.workerOverrides().isEmpty()) {
      out.println("Connector overrides: " + settings.connectorOverrides() + "; worker overrides: "
          + settings.workerOverrides());
    }
    List<MqttRunResult> results = new ArrayList<>();
    try (LocalStack stack = LocalStack.builder()
        .dataDir(settings.dataDir())
        .kafkaLibs(settings.kafkaLibs())
        .bundleZip(settings.bundleZip())
        .mqttBroker(settings.mqttBrokerLibs())
        .workerProperties(settings.workerOverrides())
        .workers(1)
        .build()
        .start()) {
      MqttBroker broker = stack.mqttBroker().orElseThrow();
      for (int qos : settings.qosLevels()) {
        // The warm-up rounds warm up the JIT of every process (worker, brokers, this JVM); the last counts.
        MqttRunResult bare = null;
        MqttRunResult source = null;
        int rounds = settings.warmupRounds() + 1;
        for (int round = 1; round <= rounds; round++) {
          out.println("QoS " + qos + ", round " + round + " of " + rounds
              + (round < rounds ? " (warm-up)" : ""));
          bare = bareSubscriber(broker, qos);
          out.println(bare.describe());
          source = mqttSource(stack, broker, qos);
          out.println(source.describe());
        }
        results.add(bare);
        results.add(source);
        out.println(String.format(Locale.ROOT, "QoS %d, %s: MQTT source / bare subscriber = %.2f",
            qos, workerKind(), bare.perSecond() == 0 ? 0 : source.perSecond() / bare.perSecond()));
      }
    }
    return results;
  }

  private String workerKind() {
    return WorkerConfig.exactlyOnceSources(settings.workerOverrides())
        ? "exactly-once worker" : "at-least-once worker";
  }

  private MqttRunResult bareSubscriber(MqttBroker broker, int qos) throws InterruptedException {
    String clientId = "bench-bare-" + qos + "-" + UUID.randomUUID();
    try {
      if (qos == 0) {
        try (BareMqttSubscriber subscriber = new BareMqttSubscriber(Ports.HOST, broker.port(),
            clientId)) {
          subscriber.connect(FILTER, qos);
          publish(broker, qos);
          awaitStable("the bare subscriber", subscriber::received);
          return new MqttRunResult("bare subscriber (live)", qos, settings.messages(),
              subscriber.received(), Duration.ofNanos(subscriber.spanNanos()));
        }
      }
      try (BareMqttSubscriber subscriber = new BareMqttSubscriber(Ports.HOST, broker.port(),
          clientId)) {
        subscriber.connect(FILTER, qos);
      }
      publish(broker, qos);
      try (BareMqttSubscriber subscriber = new BareMqttSubscriber(Ports.HOST, broker.port(),
          clientId)) {
        subscriber.connect(FILTER, qos);
        awaitStable("the bare subscriber", subscriber::received);
        return new MqttRunResult("bare subscriber (backlog)", qos, settings.messages(),
            subscriber.received(), Duration.ofNanos(subscriber.spanNanos()));
      }
    } finally {
      BareMqttSubscriber.forgetSession(Ports.HOST, broker.port(), clientId);
    }
  }

  private MqttRunResult mqttSource(LocalStack stack, MqttBroker broker, int qos)
      throws InterruptedException {
    String run = "bench-mqtt-" + qos + "-" + UUID.randomUUID().toString().substring(0, 8);
    String topic = run + ".telemetry";
    Map<String, String> overrides = new HashMap<>();
    overrides.put("tasks.max", "1");
    overrides.put("mqtt.shared.group", "");
    overrides.put("mqtt.qos", Integer.toString(qos));
    overrides.put("mqtt.client.id", run);
    overrides.put("mqtt.server.uri", broker.serverUri());
    overrides.put("kafka.topic", topic);
    overrides.put("bad.payload.topic", run + ".errors");
    overrides.put("topic.creation.default.partitions", "1");
    overrides.putAll(settings.connectorOverrides());
    ConnectorConfigFile connector = ConnectorConfigFile
        .load(settings.configsDir().resolve(CONFIG_FILE)).withName(run).withOverrides(overrides);
    int tasks = Integer.parseInt(overrides.get("tasks.max"));
    ConnectRestClient rest = stack.rest();
    rest.createOrUpdate(connector.name(), connector.config());
    try {
      rest.awaitRunning(connector.name(), tasks, Duration.ofMinutes(2));
      Thread.sleep(2_000); // the task connects and subscribes after it reports RUNNING
      boolean backlog = qos > 0;
      if (backlog) {
        stopTasks(rest, connector.name());
      }
      publish(broker, qos);
      if (backlog) {
        rest.resume(connector.name());
      }
      TopicArrivals.Summary arrivals;
      try (TopicArrivals tail = new TopicArrivals(stack.bootstrapServers(), topic)) {
        awaitStable("the MQTT source", tail::refresh);
        arrivals = tail.summary();
      }
      return new MqttRunResult("MQTT source" + (backlog ? " (backlog)" : " (live)"), qos,
          settings.messages(), arrivals.records(), arrivals.span(), arrivals.longestPause());
    } finally {
      // The tasks go first: forgetting a session that a running task holds would kick the task,
      // which would reconnect to a fresh session that then queues every later round's messages.
      stopTasks(rest, connector.name());
      rest.delete(connector.name());
      for (int task = 0; task < tasks; task++) {
        BareMqttSubscriber.forgetSession(Ports.HOST, broker.port(), run + "-" + task);
      }
    }
  }

  /**
   * Stops the connector through the REST API and waits until its tasks are gone. The connector
   * reports STOPPED before its tasks have stopped; a task still connected would take the first
   * messages published for the backlog live, and the drain's span would then run from those to
   * the end of the drain, a pause of seconds included.
   */
  private static void stopTasks(ConnectRestClient rest, String connector)
      throws InterruptedException {
    rest.stop(connector);
    Poll.until(connector + " to stop", Duration.ofMinutes(1), () -> {
      ConnectorStatus status = rest.status(connector);
      boolean stopped = "STOPPED".equals(status.state())
          && status.tasks().stream().noneMatch(TaskStatus::isRunning);
      return stopped ? Optional.of(true) : Optional.empty();
    });
  }

  private void publish(MqttBroker broker, int qos) {
    try (DeviceSimulator simulator = new DeviceSimulator(SimulatorSettings.of(Ports.HOST,
        broker.port(), settings.devices()).withQos(MqttQos.fromCode(qos)))) {
      long start = System.nanoTime();
      simulator.publish(settings.messages());
      double seconds = (System.nanoTime() - start) / 1e9;
      out.println(String.format(Locale.ROOT, "  published %,d messages at QoS %d in %.2f s"
          + " (%,.0f msg/s)", settings.messages(), qos, seconds, settings.messages() / seconds));
    }
  }

  /** Waits until the count reaches the published messages or stops growing for a while. */
  private void awaitStable(String who, LongSupplier count) throws InterruptedException {
    long last = -1;
    long lastChange = System.nanoTime();
    while (true) {
      long now = count.getAsLong();
      if (now >= settings.messages()) {
        return;
      }
      if (now != last) {
        last = now;
        lastChange = System.nanoTime();
      } else if (System.nanoTime() - lastChange > STALL.toNanos()) {
        out.println("  " + who + " stopped at " + now + " of " + settings.messages());
        return;
      }
      Thread.sleep(250);
    }
  }
}
