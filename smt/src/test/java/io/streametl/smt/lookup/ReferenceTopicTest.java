package io.streametl.smt.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streametl.smt.RecordSide;
import io.streametl.smt.SubscriptionEvents;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.internals.AutoOffsetResetStrategy;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

class ReferenceTopicTest {

  private static final String TOPIC = "plans";
  private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
  private static final TopicPartition P1 = new TopicPartition(TOPIC, 1);

  /** A consumer over a two-partition topic whose first poll returns {@code records}. */
  private static MockConsumer<String, String> consumerWith(long end0, long end1,
      List<ConsumerRecord<String, String>> records) {
    MockConsumer<String, String> consumer = new MockConsumer<>(AutoOffsetResetStrategy.EARLIEST.name());
    Node node = new Node(0, "localhost", 9092);
    consumer.updatePartitions(TOPIC, List.of(
        new PartitionInfo(TOPIC, 0, node, new Node[0], new Node[0]),
        new PartitionInfo(TOPIC, 1, node, new Node[0], new Node[0])));
    consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
    consumer.updateEndOffsets(Map.of(P0, end0, P1, end1));
    consumer.schedulePollTask(() -> records.forEach(consumer::addRecord));
    return consumer;
  }

  private static ConsumerRecord<String, String> record(int partition, long offset, String key, String value) {
    return new ConsumerRecord<>(TOPIC, partition, offset, key, value);
  }

  @Test
  void loadsEveryPartitionFromTheStartAndAppliesTombstones() {
    MockConsumer<String, String> consumer = consumerWith(3, 1, List.of(
        record(0, 0, "pro", "{\"name\": \"Pro\"}"),
        record(0, 1, "team", "{\"name\": \"Team\"}"),
        record(0, 2, "pro", null),
        record(1, 0, "free", "{\"name\": \"Free\", \"tier\": 0}")));
    Map<String, Map<String, String>> rows = new ConcurrentHashMap<>();
    ReferenceTopicLoader loader = new ReferenceTopicLoader(consumer, TOPIC, rows);

    assertThat(loader.assign(Duration.ZERO)).isTrue();
    assertThat(loader.caughtUp()).isFalse();
    loader.pollOnce(Duration.ZERO);

    assertThat(loader.caughtUp()).isTrue();
    assertThat(rows).containsOnlyKeys("team", "free");
    assertThat(rows.get("free")).containsEntry("name", "Free").containsEntry("tier", "0");
  }

  @Test
  void keepsFollowingTheTopicAndSkipsMalformedRecords() {
    MockConsumer<String, String> consumer = consumerWith(1, 0, List.of(record(0, 0, "pro", "{\"name\": \"Pro\"}")));
    Map<String, Map<String, String>> rows = new ConcurrentHashMap<>();
    ReferenceTopicLoader loader = new ReferenceTopicLoader(consumer, TOPIC, rows);
    loader.assign(Duration.ZERO);
    loader.pollOnce(Duration.ZERO);
    consumer.schedulePollTask(() -> {
      consumer.addRecord(record(0, 1, "pro", "{\"name\": \"Pro v2\"}"));
      consumer.addRecord(record(0, 2, "team", "not json"));
      consumer.addRecord(record(1, 0, null, "{\"name\": \"keyless\"}"));
    });

    loader.pollOnce(Duration.ZERO);

    assertThat(rows).containsOnlyKeys("pro");
    assertThat(rows.get("pro")).containsEntry("name", "Pro v2");
  }

  @Test
  void waitsForATopicThatHasNoPartitionsYet() {
    MockConsumer<String, String> consumer = new MockConsumer<>(AutoOffsetResetStrategy.EARLIEST.name());
    consumer.updatePartitions(TOPIC, List.of());

    assertThat(new ReferenceTopicLoader(consumer, TOPIC, new HashMap<>()).assign(Duration.ZERO)).isFalse();
  }

  @Test
  void theBackgroundReaderLoadsBeforeTheFirstLookupAndStopsOnClose() {
    MockConsumer<String, String> consumer = consumerWith(1, 0, List.of(record(0, 0, "pro", "{\"name\": \"Pro\"}")));
    ReferenceTopic table = new ReferenceTopic(TOPIC, consumer, 60_000).start();

    Map<String, String> row = table.row("pro");
    table.close();

    assertThat(row).containsEntry("name", "Pro");
    assertThat(table.isLoaded()).isTrue();
    assertThat(consumer.closed()).isTrue();
  }

  @Test
  void aLookupGivesUpWaitingAfterTheTimeoutAndTreatsTheKeyAsMissing() {
    // The end offset is never reached: the first load never completes.
    MockConsumer<String, String> consumer = consumerWith(5, 0, List.of(record(0, 0, "pro", "{\"name\": \"Pro\"}")));
    ReferenceTopic table = new ReferenceTopic(TOPIC, consumer, 0).start();

    Map<String, String> row = table.row("team");
    table.close();

    assertThat(row).isNull();
    assertThat(table.isLoaded()).isFalse();
  }

  @Test
  void aPermanentErrorMakesLookupsFail() {
    MockConsumer<String, String> consumer = consumerWith(1, 0, List.of());
    consumer.setPollException(new TopicAuthorizationException("denied"));
    ReferenceTopic table = new ReferenceTopic(TOPIC, consumer, 0).start();

    try {
      org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
          .untilAsserted(() -> assertThatThrownBy(() -> table.row("pro"))
              .isInstanceOf(ConnectException.class)
              .hasMessageContaining("cannot read reference topic 'plans': TopicAuthorizationException"));
    } finally {
      table.close();
    }
  }

  @Test
  void theTransformEnrichesFromTheTopic() {
    MockConsumer<String, String> consumer = consumerWith(1, 0, List.of(record(0, 0, "pro", "{\"name\": \"Pro\"}")));
    Map<String, Object> created = new HashMap<>();
    Lookup<SinkRecord> lookup = new Lookup.Value<>(new MutableClock(), props -> {
      created.putAll(props);
      return consumer;
    });
    lookup.configure(Map.of("key.field", "plan", "fields", "name:plan_name", "source", "topic",
        "topic.name", TOPIC, "topic.consumer.bootstrap.servers", "b:9092", "topic.consumer.group.id", "x"));

    try {
      Map<?, ?> value = (Map<?, ?>) lookup.apply(RecordSide.VALUE.sinkRecord(null, SubscriptionEvents.map())).value();
      assertThat(value.get("plan_name")).isEqualTo("Pro");
    } finally {
      lookup.close();
    }
    assertThat(consumer.closed()).isTrue();
    assertThat(created).containsEntry("bootstrap.servers", "b:9092")
        .containsEntry("enable.auto.commit", false)
        .doesNotContainKey("group.id");
  }
}
