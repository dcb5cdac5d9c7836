package io.streametl.source.mqtt;

import static io.streametl.source.mqtt.TaskRunner.props;
import static io.streametl.source.mqtt.TaskRunner.values;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two tasks share the load: with a shared subscription, or by splitting the filters. */
class MqttScalingTest {

  @TempDir
  static Path folder;
  static EmbeddedBroker broker;

  @BeforeAll
  static void startBroker() throws Exception {
    broker = EmbeddedBroker.start(folder);
  }

  @AfterAll
  static void stopBroker() throws Exception {
    broker.close();
  }

  @Test
  void aSharedSubscriptionOverTwoTasksLosesNoneAndDuplicatesNone() throws Exception {
    // HiveMQ CE can stop serving a member of a shared group (its issue #558); the task subscribes
    // again after a quiet spell, here 5 s instead of 30 s.
    try (TaskRunner runner = new TaskRunner(props(broker, "mqtt.client.id", "shared",
        "mqtt.topic.filters", "s/+/telemetry", "mqtt.shared.group", "g", "mqtt.qos", "1",
        "mqtt.shared.resubscribe.quiet.ms", "5000"));
        Publisher device = new Publisher(broker)) {
      List<Map<String, String>> configs = runner.taskConfigs(2);
      assertThat(configs).hasSize(2);
      MqttSourceTask one = runner.start(configs.get(0));
      MqttSourceTask two = runner.start(configs.get(1));
      List<String> sent = IntStream.range(0, 200).mapToObj(i -> "m" + i).toList();
      device.publishFromDevices("s", sent);

      List<String> fromOne = new ArrayList<>();
      List<String> fromTwo = new ArrayList<>();
      Awaitility.await().atMost(60, TimeUnit.SECONDS).until(() -> {
        fromOne.addAll(values(TaskRunner.pollCommitted(one)));
        fromTwo.addAll(values(TaskRunner.pollCommitted(two)));
        return fromOne.size() + fromTwo.size() >= sent.size();
      });
      List<String> all = new ArrayList<>(fromOne);
      all.addAll(fromTwo);

      // How the broker spreads the messages over the group is its choice; none twice is ours.
      assertThat(all).containsExactlyInAnyOrderElementsOf(sent);
    }
  }

  @Test
  void aQuietSharedSubscriberSubscribesAgainAndStillLosesNoneAndDuplicatesNone()
      throws Exception {
    try (TaskRunner sharedRunner = new TaskRunner(props(broker, "mqtt.client.id", "quiet",
        "mqtt.topic.filters", "q/+/telemetry", "mqtt.shared.group", "g", "mqtt.qos", "1",
        "mqtt.shared.resubscribe.quiet.ms", "300"));
        TaskRunner plainRunner = new TaskRunner(props(broker, "mqtt.client.id", "plain",
            "mqtt.topic.filters", "p/+/telemetry", "mqtt.qos", "1",
            "mqtt.shared.resubscribe.quiet.ms", "300"));
        Publisher device = new Publisher(broker)) {
      MqttSourceTask shared = sharedRunner.start();
      MqttSourceTask plain = plainRunner.start();

      Awaitility.await().atMost(30, TimeUnit.SECONDS).until(() -> {
        TaskRunner.poll(shared);
        TaskRunner.poll(plain);
        return broker.subscribesOf("quiet-0").size() >= 3;
      });
      assertThat(broker.subscribesOf("quiet-0")).containsOnly("$share/g/q/+/telemetry");
      assertThat(shared.counters().sharedResubscribes()).isGreaterThanOrEqualTo(2);
      assertThat(broker.subscribesOf("plain-0")).as("without a group there is nothing to renew")
          .containsExactly("p/+/telemetry");
      assertThat(plain.counters().sharedResubscribes()).isZero();

      List<String> sent = IntStream.range(0, 50).mapToObj(i -> "q" + i).toList();
      device.publishFromDevices("q", sent);
      List<String> received = new ArrayList<>();
      Awaitility.await().atMost(60, TimeUnit.SECONDS).until(() -> {
        received.addAll(values(TaskRunner.pollCommitted(shared)));
        return received.size() >= sent.size();
      });
      assertThat(received).containsExactlyInAnyOrderElementsOf(sent);
    }
  }

  @Test
  void withoutAGroupEachFilterGoesToOneTask() throws Exception {
    try (TaskRunner runner = new TaskRunner(props(broker, "mqtt.client.id", "split",
        "mqtt.topic.filters", "x/a/#,x/b/#,x/c/#", "mqtt.qos", "1"));
        Publisher device = new Publisher(broker)) {
      List<Map<String, String>> configs = runner.taskConfigs(2);
      assertThat(configs).hasSize(2);
      MqttSourceTask one = runner.start(configs.get(0));
      MqttSourceTask two = runner.start(configs.get(1));
      for (String level : List.of("a", "b", "c")) {
        for (int i = 0; i < 5; i++) {
          device.publish("x/" + level + "/d", level + i, 1);
        }
      }

      List<String> fromOne = new ArrayList<>();
      List<String> fromTwo = new ArrayList<>();
      Awaitility.await().atMost(60, TimeUnit.SECONDS).until(() -> {
        fromOne.addAll(values(TaskRunner.pollCommitted(one)));
        fromTwo.addAll(values(TaskRunner.pollCommitted(two)));
        return fromOne.size() + fromTwo.size() >= 15;
      });

      assertThat(fromOne).hasSize(10).allMatch(v -> v.startsWith("a") || v.startsWith("b"));
      assertThat(fromTwo).hasSize(5).allMatch(v -> v.startsWith("c"));
    }
  }
}
