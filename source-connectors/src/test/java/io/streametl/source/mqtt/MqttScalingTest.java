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
    try (TaskRunner runner = new TaskRunner(props(broker, "mqtt.client.id", "shared",
        "mqtt.topic.filters", "s/+/telemetry", "mqtt.shared.group", "g", "mqtt.qos", "1"));
        Publisher device = new Publisher(broker)) {
      List<Map<String, String>> configs = runner.taskConfigs(2);
      assertThat(configs).hasSize(2);
      MqttSourceTask one = runner.start(configs.get(0));
      MqttSourceTask two = runner.start(configs.get(1));
      List<String> sent = IntStream.range(0, 200).mapToObj(i -> "m" + i).toList();
      device.publishFromDevices(sent);

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
