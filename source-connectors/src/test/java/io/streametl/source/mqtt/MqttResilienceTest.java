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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The task recovers by itself: a broker that comes up late, a broker that lost the session. */
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
}
