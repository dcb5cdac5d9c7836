package io.streametl.source.mqtt;

import static io.streametl.source.mqtt.TaskRunner.props;
import static io.streametl.source.mqtt.TaskRunner.values;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broker restart in the middle of a stream loses no QoS 1 message. */
class MqttBrokerRestartTest {

  @TempDir
  Path folder;

  @Test
  void aBrokerRestartMidStreamLosesNothingAtQos1() throws Exception {
    try (EmbeddedBroker broker = EmbeddedBroker.start(folder);
        TaskRunner runner = new TaskRunner(props(broker, "mqtt.client.id", "restart",
            "mqtt.qos", "1"))) {
      MqttSourceTask task = runner.start();
      List<String> before = IntStream.range(0, 50).mapToObj(i -> "b" + i).toList();
      try (Publisher device = new Publisher(broker)) {
        before.forEach(m -> device.publish("t/a", m, 1));
      }
      // Take some, commit only part of them, then the broker goes down mid-stream.
      List<SourceRecord> polled = TaskRunner.pollUntil(task, false, all -> all.size() >= 10, 300);
      List<String> kafka = new ArrayList<>();
      for (SourceRecord record : polled.subList(0, polled.size() / 2)) {
        task.commitRecord(record, null);
        kafka.add((String) record.value());
      }
      broker.stop();
      broker.startAgain();

      List<String> after = IntStream.range(0, 50).mapToObj(i -> "a" + i).toList();
      try (Publisher device = new Publisher(broker)) {
        after.forEach(m -> device.publish("t/a", m, 1));
      }
      // The records polled before the restart reach Kafka now: their acks go nowhere, so the
      // broker delivers them again (duplicates, never loss).
      for (SourceRecord record : polled.subList(polled.size() / 2, polled.size())) {
        task.commitRecord(record, null);
        kafka.add((String) record.value());
      }
      List<String> expected = new ArrayList<>(before);
      expected.addAll(after);
      List<SourceRecord> rest = TaskRunner.pollUntil(task, true,
          all -> { 
            HashSet<String> seen = new HashSet<>(kafka);
            seen.addAll(values(all));
            return seen.containsAll(expected);
          }, 600);
      kafka.addAll(values(rest));

      assertThat(new HashSet<>(kafka)).containsAll(expected);
    }
  }
}
