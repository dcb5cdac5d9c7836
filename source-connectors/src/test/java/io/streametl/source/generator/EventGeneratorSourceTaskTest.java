package io.streametl.source.generator;

import static io.streametl.source.generator.TestConfigs.START_MS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class EventGeneratorSourceTaskTest {

  private final ManualClock clock = new ManualClock(START_MS);
  private final ClockAdvancingSleeper sleeper = new ClockAdvancingSleeper(clock);
  private final InMemoryOffsetStorageReader offsets = new InMemoryOffsetStorageReader();

  private EventGeneratorSourceTask start(Map<String, String> connectorConfig, int stream, int streams, long startMs) {
    Map<String, String> taskConfig =
        new TaskAssignment(new GeneratorStream("gen", stream, streams), startMs).toTaskConfig(connectorConfig);
    EventGeneratorSourceTask task = new EventGeneratorSourceTask(clock, sleeper);
    task.initialize(TestContexts.task(taskConfig, offsets));
    task.start(taskConfig);
    return task;
  }

  private EventGeneratorSourceTask start(Map<String, String> connectorConfig, int stream, int streams) {
    return start(connectorConfig, stream, streams, START_MS);
  }

  private static Map<String, String> config(long total, int batchSize) {
    Map<String, String> config = TestConfigs.noisyConnector();
    config.put(EventGeneratorConfig.EVENTS_TOTAL_CONFIG, Long.toString(total));
    config.put(EventGeneratorConfig.BATCH_SIZE_CONFIG, Integer.toString(batchSize));
    return config;
  }

  /** Polls until the task's share of events.total is done (a null poll after records). */
  private static List<SourceRecord> drain(EventGeneratorSourceTask task) throws InterruptedException {
    List<SourceRecord> all = new ArrayList<>();
    for (List<SourceRecord> batch = task.poll(); batch != null; batch = task.poll()) {
      all.addAll(batch);
    }
    return all;
  }

  /** The position a record was generated at: its offset holds the stream's next position. */
  private static long positionOf(SourceRecord record) {
    long next = (Long) record.sourceOffset().get("position");
    return next - ((Integer) record.sourcePartition().get("streams"));
  }

  private static void assertRecordIs(SourceRecord record, GeneratedEvent expected, OutputFormat format) {
    RecordValue value = expected.value(format);
    assertThat(record.topic()).isEqualTo("events");
    assertThat(record.keySchema()).isEqualTo(Schema.STRING_SCHEMA);
    assertThat(record.key()).isEqualTo(expected.eventId());
    assertThat(new RecordValue(record.valueSchema(), record.value())).isEqualTo(value);
  }

  @Test
  void emitsTheFactorysRecordsInPositionOrder() throws Exception {
    EventGeneratorSourceTask task = start(config(300, 1_000), 0, 1);
    SubscriptionEventFactory factory = SubscriptionEventFactory.fromConfig(TestConfigs.noisyConnector());

    List<SourceRecord> records = drain(task);

    assertThat(records).hasSize(300);
    for (int p = 0; p < 300; p++) {
      SourceRecord record = records.get(p);
      assertRecordIs(record, factory.eventAt(p), OutputFormat.STRUCT);
      assertThat(record.sourcePartition()).isEqualTo(Map.of("generator", "gen", "stream", 0, "streams", 1));
      assertThat(record.sourceOffset()).isEqualTo(Map.of("position", p + 1L, "start_ms", START_MS));
      Header kind = record.headers().lastWithName(EventGeneratorSourceTask.KIND_HEADER);
      assertThat(kind.value()).isEqualTo(factory.eventAt(p).kind().name());
    }
  }

  @Test
  void eachPollReturnsAtMostBatchSizeRecords() throws Exception {
    EventGeneratorSourceTask task = start(config(100, 40), 0, 1);

    assertThat(task.poll()).hasSize(40);
    assertThat(task.poll()).hasSize(40);
    assertThat(task.poll()).hasSize(20);
  }

  @Test
  void mapAndJsonFormatsEmitThoseValues() throws Exception {
    SubscriptionEventFactory factory = SubscriptionEventFactory.fromConfig(TestConfigs.noisyConnector());
    for (OutputFormat format : List.of(OutputFormat.MAP, OutputFormat.JSON)) {
      Map<String, String> config = config(50, 100);
      config.put(EventGeneratorConfig.OUTPUT_FORMAT_CONFIG, format.configValue());

      List<SourceRecord> records = start(config, 0, 1).poll();

      for (int p = 0; p < 50; p++) {
        assertRecordIs(records.get(p), factory.eventAt(p), format);
      }
    }
  }

  @Test
  void resumesFromTheStoredOffsetWithNoGapAndNoRepeat() throws Exception {
    List<SourceRecord> uninterrupted = drain(start(config(600, 50), 1, 2));

    EventGeneratorSourceTask before = start(config(600, 50), 1, 2);
    List<SourceRecord> firstRun = new ArrayList<>(before.poll());
    firstRun.addAll(before.poll());
    before.stop();
    SourceRecord lastCommitted = firstRun.get(firstRun.size() - 1);
    offsets.store(lastCommitted.sourcePartition(), lastCommitted.sourceOffset());
    // The connector offers a different start now; the stored one must win, or event times move.
    List<SourceRecord> secondRun = drain(start(config(600, 50), 1, 2, START_MS + 999_999));

    List<SourceRecord> joined = new ArrayList<>(firstRun);
    joined.addAll(secondRun);
    assertThat(joined).hasSameSizeAs(uninterrupted).hasSize(300);
    for (int i = 0; i < joined.size(); i++) {
      assertThat(joined.get(i).key()).isEqualTo(uninterrupted.get(i).key());
      assertThat(joined.get(i).value()).isEqualTo(uninterrupted.get(i).value());
      assertThat(joined.get(i).sourceOffset()).isEqualTo(uninterrupted.get(i).sourceOffset());
    }
  }

  @Test
  void tasksGenerateDisjointStreamsThatTogetherCoverEventsTotal() throws Exception {
    SubscriptionEventFactory factory = SubscriptionEventFactory.fromConfig(TestConfigs.noisyConnector());
    Set<Long> positions = new HashSet<>();
    int recordCount = 0;
    for (int stream = 0; stream < 3; stream++) {
      List<SourceRecord> records = drain(start(config(1_000, 128), stream, 3));
      recordCount += records.size();
      for (int k = 0; k < records.size(); k++) {
        long position = stream + 3L * k;
        assertThat(positionOf(records.get(k))).isEqualTo(position);
        assertRecordIs(records.get(k), factory.eventAt(position), OutputFormat.STRUCT);
        positions.add(position);
      }
    }
    assertThat(recordCount).isEqualTo(1_000);
    assertThat(positions).hasSize(1_000).allMatch(p -> p >= 0 && p < 1_000);
  }

  @Test
  void anExhaustedTaskWaitsInsteadOfSpinning() throws Exception {
    EventGeneratorSourceTask task = start(config(5, 100), 0, 1);

    assertThat(task.poll()).hasSize(5);
    assertThat(task.poll()).isNull();
    assertThat(task.poll()).isNull();
    assertThat(sleeper.sleeps()).containsExactly(
        EventGeneratorSourceTask.MAX_POLL_WAIT_MS, EventGeneratorSourceTask.MAX_POLL_WAIT_MS);
  }

  @Test
  void withARateRecordsAreEmittedWhenTheirEventTimeComes() throws Exception {
    Map<String, String> config = config(-1, 500);
    config.put(EventGeneratorConfig.EVENTS_PER_SECOND_CONFIG, "10");
    EventGeneratorSourceTask task = start(config, 0, 1);

    assertThat(task.poll()).extracting(EventGeneratorSourceTaskTest::positionOf).containsExactly(0L);
    assertThat(sleeper.sleeps()).isEmpty();

    assertThat(task.poll()).extracting(EventGeneratorSourceTaskTest::positionOf).containsExactly(1L);
    assertThat(sleeper.sleeps()).containsExactly(100L);

    clock.advance(1_000); // now start + 1100 ms: positions 2..11 are due
    assertThat(task.poll()).extracting(EventGeneratorSourceTaskTest::positionOf)
        .containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
  }

  @Test
  void theRateIsSplitAcrossTasks() throws Exception {
    Map<String, String> config = config(-1, 500);
    config.put(EventGeneratorConfig.EVENTS_PER_SECOND_CONFIG, "10");
    EventGeneratorSourceTask even = start(config, 0, 2);
    EventGeneratorSourceTask odd = start(config, 1, 2);

    clock.advance(1_000); // positions 0..10 are due
    assertThat(even.poll()).extracting(EventGeneratorSourceTaskTest::positionOf).containsExactly(0L, 2L, 4L, 6L, 8L, 10L);
    assertThat(odd.poll()).extracting(EventGeneratorSourceTaskTest::positionOf).containsExactly(1L, 3L, 5L, 7L, 9L);
  }

  @Test
  void aPollWaitsAtMostOneSecondForAFutureEvent() throws Exception {
    Map<String, String> config = config(-1, 500);
    config.put(EventGeneratorConfig.EVENTS_PER_SECOND_CONFIG, "10");
    EventGeneratorSourceTask task = start(config, 0, 1, START_MS + 5_000);

    assertThat(task.poll()).isNull();
    assertThat(sleeper.sleeps()).containsExactly(EventGeneratorSourceTask.MAX_POLL_WAIT_MS);
  }

  @Test
  void afterStopPollingEndsAndAnyWaitIsWokenUp() throws Exception {
    EventGeneratorSourceTask task = start(config(-1, 10), 0, 1);

    task.stop();

    assertThat(sleeper.woken()).isTrue();
    assertThat(task.poll()).isNull();
  }

  @Test
  void anOffsetFromAnotherStreamLayoutIsRefused() {
    offsets.store(new GeneratorStream("gen", 1, 3).partition(), new StreamOffset(5, START_MS).toMap());

    assertThatThrownBy(() -> start(config(-1, 10), 1, 3))
        .isInstanceOf(ConnectException.class)
        .hasMessageContaining("does not belong to stream 1 of 3");
  }
}
