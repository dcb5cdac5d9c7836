package io.streametl.source.mqtt;

import static io.streametl.source.mqtt.TaskRunner.pollCommitted;
import static io.streametl.source.mqtt.TaskRunner.props;
import static io.streametl.source.mqtt.TaskRunner.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The task recovers by itself (a broker that comes up late, a broker that lost the session), and a
 * stopped task stays stopped while its successor takes over.
 */
class MqttResilienceTest {

  @TempDir
  Path folder;

  /** Publishes and polls until the task delivers a record of this round. */
  private static List<String> publishUntilReceived(EmbeddedBroker broker, MqttSourceTask task,
      String payload) throws Exception {
    List<String> received = new ArrayList<>();
    try (Publisher device = new Publisher(broker)) {
      await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
        device.publish("t/a", payload, 1);
        received.addAll(values(pollCommitted(task)));
        return received.contains(payload);
      });
    }
    return received;
  }

  @Test
  void aTaskStartedWhileTheBrokerIsDownConnectsWhenItComesUp() throws Exception {
    try (EmbeddedBroker broker = EmbeddedBroker.notStarted(folder);
        TaskRunner runner = new TaskRunner(props(broker, "mqtt.client.id", "late",
            "mqtt.connect.timeout.ms", "500"))) {
      // Nothing listens yet: start() returns and the connection keeps trying in the background.
      MqttSourceTask task = runner.start();
      assertThat(TaskRunner.poll(task)).isEmpty();
      broker.startAgain();
      assertThat(publishUntilReceived(broker, task, "late")).contains("late");
    }
  }

  @Test
  void aBrokerThatLostTheSessionGetsTheSubscriptionsAgain() throws Exception {
    try (EmbeddedBroker broker = EmbeddedBroker.start(folder);
        TaskRunner runner = new TaskRunner(props(broker, "mqtt.client.id", "fresh"))) {
      MqttSourceTask task = runner.start();
      assertThat(publishUntilReceived(broker, task, "before")).contains("before");
      // A broker on a fresh disk: the task reconnects to no session and no subscription.
      broker.startWithoutData();
      assertThat(publishUntilReceived(broker, task, "after")).contains("after");
    }
  }

  /**
   * A task stopped while its client waits to reconnect (the broker is away) must not come back
   * once the broker is up again. The client would reconnect under the task's client id to a broker
   * that lost the session, with its message flow closed: it would take the session from the task's
   * successor, over and over, and acknowledge every message it got there with no task left to
   * deliver it.
   */
  @ParameterizedTest(name = "MQTT {0}")
  @ValueSource(strings = {"5", "3.1.1"})
  void aTaskStoppedWhileReconnectingDoesNotComeBackToTakeTheSession(String version)
      throws Exception {
    try (EmbeddedBroker broker = EmbeddedBroker.start(folder);
        TaskRunner runner = new TaskRunner(props(broker, "mqtt.client.id", "handover",
            "mqtt.version", version,
            "mqtt.reconnect.backoff.initial.ms", "100", "mqtt.reconnect.backoff.max.ms", "100"))) {
      Map<String, String> taskConfig = runner.taskConfigs(1).get(0);
      MqttSourceTask previous = runner.start(taskConfig);
      assertThat(publishUntilReceived(broker, previous, "ready")).contains("ready");

      broker.stop();
      runner.stop(previous);
      broker.startWithoutData();
      // Time for a client that kept reconnecting (backoff 100 ms) to be back before the successor
      // starts. A wait for a condition cannot do this: with the fix, that client never appears.
      Thread.sleep(1_000);
      MqttSourceTask successor = runner.start(taskConfig);
      List<String> received = new ArrayList<>(
          publishUntilReceived(broker, successor, "successor ready"));

      // Spread out, so that a client taking the session back and forth would get some of them.
      List<String> sent = new ArrayList<>();
      try (Publisher device = new Publisher(broker)) {
        for (int i = 0; i < 40; i++) {
          sent.add("m" + i);
          device.publish("t/a", "m" + i, 1);
          Thread.sleep(25);
          received.addAll(values(pollCommitted(successor)));
        }
      }
      await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() -> {
        received.addAll(values(pollCommitted(successor)));
        return received.containsAll(sent);
      });
      assertThat(received).containsAll(sent);
    }
  }
}
