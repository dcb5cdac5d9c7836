package io.streametl.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.sun.tools.attach.VirtualMachine;
import io.streametl.stack.ConnectWorker;
import io.streametl.stack.LocalStack;
import io.streametl.stack.devices.DeviceSimulator;
import io.streametl.stack.devices.SimulatorSettings;
import io.streametl.stack.rest.ConnectorConfigFile;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The plugins' metrics as an operator reads them: over JMX from the Connect worker that runs the
 * task, under kafka.connect:type=plugins,connector=...,task=... (Connect's plugin metrics). The
 * test attaches to the worker's JVM and starts its local management agent (the JDK's attach API),
 * as jconsole would, so the workers need no JMX port of their own.
 */
@ExtendWith(LocalStackExtension.class)
class PluginMetricsIT {

  private static final Duration COMPLETION = Duration.ofMinutes(3);

  private final LocalStack stack;
  private final String run = "metrics-" + UUID.randomUUID().toString().substring(0, 8);
  private String connector;
  private PipelineRun pipeline;

  PluginMetricsIT(LocalStack stack) {
    this.stack = stack;
  }

  @AfterEach
  void cleanUp() {
    if (connector != null) {
      stack.rest().delete(connector);
    }
    if (pipeline != null) {
      pipeline.stop();
    }
  }

  @Test
  void theMqttSourceCountsWhatItReceivedAcknowledgedAndRejected() throws Exception {
    Map<String, String> overrides = new HashMap<>();
    overrides.put("tasks.max", "1");
    overrides.put("mqtt.shared.group", "");
    overrides.put("mqtt.client.id", run);
    overrides.put("kafka.topic", run + ".telemetry");
    overrides.put("bad.payload.topic", run + ".errors");
    ConnectorConfigFile config = ConnectorConfigFile.load(Path.of(
        System.getProperty("streametl.connect.configs")).resolve("mqtt-devices-source.json"))
        .withName(run).withOverrides(overrides);
    connector = config.name();
    stack.rest().createOrUpdate(connector, config.config());
    stack.rest().awaitRunning(connector, 1, Duration.ofMinutes(2));
    ObjectName task = taskMBean(connector);
    String serverUri = stack.mqttBroker().orElseThrow().serverUri();
    MqttProbe.awaitDelivering(serverUri, stack.bootstrapServers(), run + ".telemetry");
    // The probes that arrived are counted too: measure from here, once they are all settled.
    await().atMost(COMPLETION).until(() -> readLong(task, "messages-in-flight") == 0);
    long received = readLong(task, "messages-received-total");
    long acknowledged = readLong(task, "messages-acknowledged-total");
    assertThat(acknowledged).isEqualTo(received).isPositive();

    URI broker = URI.create(serverUri);
    try (DeviceSimulator simulator = new DeviceSimulator(SimulatorSettings.of(broker.getHost(),
        broker.getPort(), 10).withQos(MqttQos.AT_LEAST_ONCE).withMalformedEvery(50))) {
      simulator.publish(300);
    }

    await().atMost(COMPLETION)
        .until(() -> readLong(task, "messages-acknowledged-total") == acknowledged + 300);
    assertThat(readLong(task, "messages-received-total")).isEqualTo(received + 300);
    assertThat(readLong(task, "bad-payloads-total")).isEqualTo(6);
    assertThat(readLong(task, "messages-in-flight")).isZero();
  }

  @Test
  void theSinkAccountsForEveryRecordAsARowADuplicateOrADeadLetter() throws Exception {
    pipeline = new PipelineRun(stack, 3_000, 3_000, 0.05);
    PipelineRun.Expected expected = pipeline.expected();
    pipeline.start();
    await().atMost(COMPLETION).pollInterval(Duration.ofSeconds(1)).until(() ->
        pipeline.tableEventIds().size() >= expected.validIds().size());

    long recordsIn = 0;
    long rows = 0;
    long deadLetters = 0;
    long duplicates = 0;
    for (int taskId = 0; taskId < 2; taskId++) {
      ObjectName task = new ObjectName("kafka.connect:type=plugins,connector="
          + pipeline.sink.name() + ",task=" + taskId);
      recordsIn += readLong(task, "records-in-total");
      rows += readLong(task, "rows-written-total");
      deadLetters += readLong(task, "dead-letter-records-total");
      duplicates += readLong(task, "duplicates-dropped-total");
    }
    // Invalid records never reach the task: the SMT chain sends them to Connect's dead-letter
    // queue. What reaches it becomes a row, is dropped as a duplicate, or is dead-lettered by the
    // sink itself (e.g. too late for an aggregation).
    assertThat(rows).isEqualTo(expected.validIds().size());
    assertThat(duplicates).as("5%% of the events are sent twice").isPositive();
    assertThat(recordsIn).isEqualTo(rows + duplicates + deadLetters);
  }

  private static ObjectName taskMBean(String connector) throws Exception {
    return new ObjectName("kafka.connect:type=plugins,connector=" + connector + ",task=0");
  }

  /** The attribute from whichever worker has the MBean (the one running the task). */
  private long readLong(ObjectName name, String attribute) throws Exception {
    for (ConnectWorker worker : stack.workers()) {
      try (JMXConnector jmx = JMXConnectorFactory.connect(new JMXServiceURL(agentUrl(worker)))) {
        MBeanServerConnection server = jmx.getMBeanServerConnection();
        if (server.isRegistered(name)) {
          return ((Number) server.getAttribute(name, attribute)).longValue();
        }
      }
    }
    return -1;
  }

  private static final Map<Long, String> AGENTS = new HashMap<>();

  private static synchronized String agentUrl(ConnectWorker worker) throws Exception {
    String url = AGENTS.get(worker.pid());
    if (url == null) {
      VirtualMachine vm = VirtualMachine.attach(Long.toString(worker.pid()));
      try {
        url = vm.startLocalManagementAgent();
      } finally {
        vm.detach();
      }
      AGENTS.put(worker.pid(), url);
    }
    return url;
  }
}
