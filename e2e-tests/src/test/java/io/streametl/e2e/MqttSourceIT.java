package io.streametl.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import io.streametl.stack.ConnectWorker;
import io.streametl.stack.LocalStack;
import io.streametl.stack.MqttBroker;
import io.streametl.stack.devices.DeviceSimulator;
import io.streametl.stack.devices.PublishedMessages;
import io.streametl.stack.devices.SimulatorSettings;
import io.streametl.stack.rest.ConnectorConfigFile;
import io.streametl.stack.rest.ConnectorStatus;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MQTT source on the real distributed cluster (exactly-once source support enabled on the
 * workers), created from connect-configs/mqtt-devices-source.json (2 tasks sharing one MQTT 5
 * shared subscription, or 1 task) on the stack's MQTT broker (HiveMQ CE in its own process), fed
 * by the device simulator at QoS 1. Every message id the broker acknowledged to the simulator must reach Kafka:
 * across a SIGKILL of a task's worker, and across a broker restart. MQTT redelivers what was not
 * acknowledged, so a crash may duplicate (at least once); without failures nothing is duplicated.
 */
@ExtendWith(LocalStackExtension.class)
class MqttSourceIT {

  private static final Logger LOG = LoggerFactory.getLogger(MqttSourceIT.class);
  private static final Duration COMPLETION = Duration.ofMinutes(4);
  private static final int DEVICES = 50;
  private static final int MALFORMED_EVERY = 97;

  private final LocalStack stack;
  private final String run = "mqtt-" + UUID.randomUUID().toString().substring(0, 8);
  private ConnectorConfigFile connector;

  MqttSourceIT(LocalStack stack) {
    this.stack = stack;
  }

  @AfterEach
  void cleanUp() {
    if (connector != null) {
      stack.rest().delete(connector.name());
    }
  }

  private String telemetryTopic() {
    return run + ".telemetry";
  }

  private String errorTopic() {
    return run + ".errors";
  }

  /**
   * Nothing lost, and nothing twice unless a task's connection was interrupted. An interruption
   * (a lost connection, or a task restarted by a rebalance) may duplicate more than its own
   * messages: on HiveMQ CE, a member that leaves with messages in flight makes the broker send the
   * other members' held messages again (HiveMqSharedQueueTest, docs/upstream-reports.md).
   */
  @Test
  void sharedSubscriptionOverTwoTasksNeitherLosesNorDuplicates() throws Exception {
    startConnector("test-shared-" + run, 2);
    try (DeviceSimulator simulator = simulator(0)) {
      simulator.publish(6_000);
      PublishedMessages published = simulator.publishedMessages();

      await().atMost(COMPLETION).pollInterval(Duration.ofSeconds(1))
          .until(() -> new HashSet<>(messageIds()).containsAll(published.validIds()));
      // Both tasks subscribed to every filter: without the shared subscription each message
      // would arrive twice. Give a late duplicate time to show up: the topic must stay as it is
      // for 3 s.
      AtomicInteger lastCount = new AtomicInteger(-1);
      await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> lastCount.getAndSet(messageIds().size()) == lastCount.get());
      List<String> landed = messageIds();
      List<String> errors = errorPayloads();
      assertThat(new HashSet<>(landed)).isEqualTo(published.validIds());
      assertThat(new HashSet<>(errors)).as("malformed payloads in %s", errorTopic())
          .hasSize((int) published.malformedCount());

      MqttClientLog clients = MqttClientLog.of(stack, run);
      assertThat(clients.clients()).as("clients in the workers' logs")
          .containsExactlyInAnyOrder(run + "-0", run + "-1");
      List<String> twice = duplicates(landed);
      long interruptions = clients.interruptions();
      if (interruptions == 0 && simulator.resent() == 0) {
        assertThat(twice.size()).as(() -> "records twice in " + telemetryTopic() + " (the first: "
            + twice.subList(0, Math.min(10, twice.size())) + ") although no task's MQTT"
            + " connection was interrupted; the clients' log lines:\n" + clients.describe())
            .isZero();
        assertThat(errors).as("malformed payloads in %s", errorTopic()).doesNotHaveDuplicates();
      } else {
        LOG.warn("{} interruption(s) of the tasks' MQTT connections, {} publish(es) sent again by"
            + " the simulator: {} record(s) twice, allowed (at least once). The clients:\n{}",
            interruptions, simulator.resent(), twice.size(), clients.describe());
      }
    }
  }

  /**
   * One task, no shared subscription: while its worker is dead, nobody else reads the filter, so
   * everything published meanwhile waits in the task's persistent session on the broker, and
   * what it had received but Kafka did not have comes again to the task Connect restarts on the
   * other worker under the same client id.
   */
  @Test
  void noMessageIsLostWhenAWorkerIsKilledMidStream() throws Exception {
    startConnector("", 1);
    try (DeviceSimulator simulator = simulator(1_500)) {
      CompletableFuture<Void> publishing = CompletableFuture.runAsync(() -> simulator.publish(15_000));
      await().atMost(COMPLETION).pollInterval(Duration.ofMillis(500))
          .until(() -> messageIds().size() >= 3_000);

      ConnectorStatus status = stack.rest().status(connector.name());
      String workerId = status.tasks().get(0).workerId();
      assertThat(status.tasks()).hasSize(1);
      ConnectWorker victim = stack.workers().stream().filter(w -> w.workerId().equals(workerId))
          .findFirst().orElseThrow();
      int atKill = messageIds().size();
      victim.kill();
      LOG.info("Killed {} (running task 0) with {} messages in Kafka", victim.name(), atKill);
      try {
        publishing.join();
        PublishedMessages published = simulator.publishedMessages();
        assertThat(atKill).as("killed mid-stream").isLessThan(published.validIds().size());
        await().atMost(COMPLETION).pollInterval(Duration.ofSeconds(1))
            .until(() -> new HashSet<>(messageIds()).containsAll(published.validIds()));
        List<String> landed = messageIds();
        LOG.info("{} valid messages published, {} records landed ({} redelivered after the kill)",
            published.validIds().size(), landed.size(), landed.size() - new HashSet<>(landed).size());
        assertThat(new HashSet<>(landed)).isEqualTo(published.validIds());
        assertThat(new HashSet<>(errorPayloads())).hasSize((int) published.malformedCount());
      } finally {
        victim.start();
        stack.awaitWorkersJoined(Duration.ofMinutes(2));
      }
    }
  }

  @Test
  void noMessageIsLostAcrossABrokerRestart() throws Exception {
    startConnector("test-broker-restart-" + run, 2);
    MqttBroker broker = stack.mqttBroker().orElseThrow();
    try (DeviceSimulator simulator = simulator(1_500)) {
      CompletableFuture<Void> publishing = CompletableFuture.runAsync(() -> simulator.publish(12_000));
      await().atMost(COMPLETION).pollInterval(Duration.ofMillis(500))
          .until(() -> messageIds().size() >= 2_000);
      int atRestart = messageIds().size();
      broker.restart();
      LOG.info("Restarted the MQTT broker with {} messages in Kafka", atRestart);
      publishing.join();
      PublishedMessages published = simulator.publishedMessages();
      assertThat(atRestart).as("restarted mid-stream").isLessThan(published.validIds().size());
      await().atMost(COMPLETION).pollInterval(Duration.ofSeconds(1))
          .until(() -> new HashSet<>(messageIds()).containsAll(published.validIds()));
      List<String> landed = messageIds();
      LOG.info("{} valid messages published ({} sent again by the simulator), {} records landed",
          published.validIds().size(), simulator.resent(), landed.size());
      assertThat(new HashSet<>(landed)).isEqualTo(published.validIds());
      assertThat(stack.rest().status(connector.name()).isRunning(2)).isTrue();
    }
  }

  private void startConnector(String sharedGroup, int tasks) {
    Map<String, String> overrides = new HashMap<>();
    overrides.put("kafka.topic", telemetryTopic());
    overrides.put("bad.payload.topic", errorTopic());
    ConnectorConfigFile config = MqttSourceStarter.config(run, tasks, sharedGroup, overrides);
    assertThat(stack.rest().validate(config).errorCount()).isZero();
    connector = MqttSourceStarter.start(stack, config);
  }

  private DeviceSimulator simulator(int perSecond) {
    URI uri = URI.create(stack.mqttBroker().orElseThrow().serverUri());
    return new DeviceSimulator(SimulatorSettings.of(uri.getHost(), uri.getPort(), DEVICES)
        .withQos(MqttQos.AT_LEAST_ONCE).withRate(perSecond).withMalformedEvery(MALFORMED_EVERY));
  }

  /** The message_id of every committed telemetry record (none before the topic exists). */
  private List<String> messageIds() {
    List<String> ids = new ArrayList<>();
    try {
      for (CommittedRecords.Payloads record : CommittedRecords.readAll(stack.bootstrapServers(),
          telemetryTopic())) {
        String id = record.value().get("message_id").asText();
        if (!MqttProbe.isProbe(id)) {
          ids.add(id);
        }
      }
    } catch (org.apache.kafka.common.errors.TimeoutException e) {
      return List.of();
    }
    return ids;
  }

  private static List<String> duplicates(List<String> ids) {
    Set<String> seen = new HashSet<>();
    return ids.stream().filter(id -> !seen.add(id)).toList();
  }

  private List<String> errorPayloads() {
    List<String> payloads = new ArrayList<>();
    try {
      for (CommittedRecords.Payloads record : CommittedRecords.readAll(stack.bootstrapServers(),
          errorTopic())) {
        payloads.add(record.value().asText());
      }
    } catch (org.apache.kafka.common.errors.TimeoutException e) {
      return List.of();
    }
    return payloads;
  }
}
