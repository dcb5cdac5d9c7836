package io.streametl.source.mqtt;

import static io.streametl.source.mqtt.TaskRunner.pollCount;
import static io.streametl.source.mqtt.TaskRunner.props;
import static io.streametl.source.mqtt.TaskRunner.values;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reception at each QoS, and acknowledgement only after Kafka has the record. */
class MqttDeliveryTest {

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
  void receivesMessagesAtEveryQos() throws Exception {
    for (int qos = 0; qos <= 2; qos++) {
      try (TaskRunner runner = new TaskRunner(props(broker, "mqtt.client.id", "qos-" + qos,
          "mqtt.qos", Integer.toString(qos)));
          Publisher device = new Publisher(broker)) {
        MqttSourceTask task = runner.start();
        List<String> sent = IntStream.range(0, 20).mapToObj(i -> "m" + i).toList();
        sent.forEach(m -> device.publish("t/a", m, 2));

        List<SourceRecord> records = pollCount(task, true, sent.size());

        assertThat(values(records)).as("QoS %d", qos).containsExactlyElementsOf(sent);
        int expected = qos; // the broker delivers at the lower of publish and subscription QoS
        assertThat(records).allSatisfy(r ->
            assertThat(r.headers().lastWithName("mqtt.qos").value()).isEqualTo(expected));
      }
    }
  }

  @Test
  void aMessageIsAcknowledgedOnlyAfterCommitRecord() throws Exception {
    java.util.Map<String, String> config = props(broker, "mqtt.client.id", "ack", "mqtt.qos", "1");
    try (Publisher device = new Publisher(broker)) {
      TaskRunner runner = new TaskRunner(config);
      MqttSourceTask first = runner.start();
      List<String> sent = IntStream.range(0, 10).mapToObj(i -> "m" + i).toList();
      sent.forEach(m -> device.publish("t/a", m, 1));

      // Brokers may hold back further messages while some are unacknowledged (HiveMQ sends the
      // next batch once the last is acknowledged), so the task sees at least the first ones.
      List<SourceRecord> uncommitted = TaskRunner.pollUntil(first, false, all -> !all.isEmpty(), 300);
      assertThat(values(uncommitted)).isNotEmpty().isSubsetOf(sent);
      runner.close(); // a stop (or a crash) before Kafka had the records: nothing acknowledged

      MqttSourceTask second = runner.start();
      List<SourceRecord> again = TaskRunner.pollUntil(second, true,
          all -> values(all).containsAll(sent), 300);
      assertThat(values(again)).as("the uncommitted ones come again, with the rest")
          .containsAll(values(uncommitted)).containsAll(sent);
      org.awaitility.Awaitility.await().until(() -> second.counters().inflight() == 0);
      runner.close();

      MqttSourceTask third = runner.start();
      device.publish("t/a", "after", 1);
      List<SourceRecord> afterCommit = TaskRunner.pollUntil(third, true,
          all -> values(all).contains("after"), 300);
      assertThat(values(afterCommit)).as("acknowledged messages do not come again")
          .containsExactly("after");
      runner.close();
    }
  }

  @Test
  void theInflightBoundIsTheBrokersReceiveMaximum() throws Exception {
    int bound = 5;
    java.util.Map<String, String> config = props(broker, "mqtt.client.id", "bound",
        "mqtt.max.inflight", Integer.toString(bound), "max.batch.size", "100");
    List<String> sent = IntStream.range(0, 30).mapToObj(i -> "m" + i).toList();
    try (TaskRunner runner = new TaskRunner(config); Publisher device = new Publisher(broker)) {
      runner.close(runner.start()); // creates the session and its subscription
      sent.forEach(m -> device.publish("t/a", m, 1)); // queued by the broker for the session
      MqttSourceTask task = runner.start();

      List<SourceRecord> held = new java.util.ArrayList<>();
      org.awaitility.Awaitility.await().until(() -> {
        held.addAll(TaskRunner.poll(task));
        return held.size() >= bound;
      });
      for (int i = 0; i < 10; i++) {
        held.addAll(TaskRunner.poll(task)); // polls without commits get nothing more
      }
      assertThat(held).hasSize(bound);
      assertThat(task.counters().inflight()).isEqualTo(bound);

      held.forEach(r -> task.commitRecord(r, null));
      List<SourceRecord> rest = pollCount(task, true, sent.size() - bound);
      List<String> all = new java.util.ArrayList<>(values(held));
      all.addAll(values(rest));
      assertThat(all).containsExactlyElementsOf(sent);
    }
  }

  @Test
  void qosZeroMessagesBeyondTheBoundWaitAndAreNotDropped() throws Exception {
    int bound = 3;
    try (TaskRunner runner = new TaskRunner(props(broker, "mqtt.client.id", "bound0",
        "mqtt.qos", "0", "mqtt.max.inflight", Integer.toString(bound)));
        Publisher device = new Publisher(broker)) {
      MqttSourceTask task = runner.start();
      List<String> sent = IntStream.range(0, 20).mapToObj(i -> "q" + i).toList();
      sent.forEach(m -> device.publish("t/z", m, 0));

      List<SourceRecord> held = new java.util.ArrayList<>();
      org.awaitility.Awaitility.await().until(() -> {
        held.addAll(TaskRunner.poll(task));
        return held.size() >= bound && task.counters().backpressureWaits() > 0;
      });
      assertThat(held).hasSize(bound);

      held.forEach(r -> task.commitRecord(r, null));
      List<SourceRecord> rest = pollCount(task, true, sent.size() - bound);
      List<String> all = new java.util.ArrayList<>(values(held));
      all.addAll(values(rest));
      assertThat(all).containsExactlyElementsOf(sent);
    }
  }

  @Test
  void recordsDroppedByATransformAreAcknowledgedToo() throws Exception {
    try (TaskRunner runner = new TaskRunner(props(broker, "mqtt.client.id", "filtered"));
        Publisher device = new Publisher(broker)) {
      MqttSourceTask task = runner.start();
      device.publish("t/a", "dropped", 1);
      List<SourceRecord> records = pollCount(task, false, 1);

      task.commitRecord(records.get(0), null); // what the worker does for a filtered record

      assertThat(task.counters().acknowledged()).isEqualTo(1);
      assertThat(task.counters().inflight()).isZero();
    }
  }

  /**
   * Connect's exactly-once source task collects a transaction's records in a map keyed by record
   * equality and commits each key once: identical messages must still make distinct records, or
   * all but one would never be acknowledged.
   */
  @Test
  void identicalMessagesAreEachAcknowledgedThroughAnExactlyOnceWorker() throws Exception {
    try (TaskRunner runner = new TaskRunner(props(broker, "mqtt.client.id", "identical",
        "mqtt.qos", "1"));
        Publisher device = new Publisher(broker)) {
      // Queued in the task's session while it is away, the messages then come in one batch (a
      // connected task would get the next only once the first is acknowledged, see above).
      runner.close(runner.start());
      for (int i = 0; i < 5; i++) {
        device.publish("t/a", "the same reading", 1);
      }
      MqttSourceTask task = runner.start();
      List<SourceRecord> records = pollCount(task, false, 5);

      Map<SourceRecord, Object> transaction = new LinkedHashMap<>();
      records.forEach(record -> transaction.put(record, null));
      transaction.keySet().forEach(record -> task.commitRecord(record, null));

      assertThat(transaction).hasSize(5);
      assertThat(task.counters().acknowledged()).isEqualTo(5);
      assertThat(task.counters().inflight()).isZero();
      assertThat(records).extracting(SourceRecord::value).containsOnly("the same reading");
      assertThat(records).extracting(SourceRecord::sourcePartition)
          .containsOnly(Map.of(DeliveryStamp.PARTITION_KEY, "identical-0"));
    }
  }
}
