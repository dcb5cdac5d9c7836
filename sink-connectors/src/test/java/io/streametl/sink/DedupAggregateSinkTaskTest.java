package io.streametl.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streametl.sink.iceberg.IcebergCatalogs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The task against real Iceberg tables on disk (JDBC catalog on SQLite). */
class DedupAggregateSinkTaskTest {

  private static final TopicPartition P0 = new TopicPartition(TestEvents.TOPIC, 0);
  private static final TopicPartition P1 = new TopicPartition(TestEvents.TOPIC, 1);

  @TempDir
  Path dir;

  private final MutableClock clock = new MutableClock();
  private final List<DedupAggregateSinkTask> started = new ArrayList<>();
  private Catalog catalog;

  @BeforeEach
  void openCatalog() {
    catalog = IcebergCatalogs.load("streametl", catalogProps());
  }

  @AfterEach
  void stopTasks() {
    started.forEach(DedupAggregateSinkTask::stop);
  }

  private Map<String, String> catalogProps() {
    return Map.of(
        "type", "jdbc",
        "uri", "jdbc:sqlite:" + dir.resolve("catalog.db"),
        "warehouse", dir.resolve("warehouse").toUri().toString());
  }

  private Map<String, String> props() {
    Map<String, String> props = new HashMap<>();
    props.put("name", "events-sink");
    props.put(SinkConfig.TABLE, "demo.events");
    props.put(SinkConfig.TABLE_PARTITION_BY, "day(event_time)");
    props.put(SinkConfig.COMMIT_INTERVAL_MS, "1000");
    catalogProps().forEach((k, v) -> props.put(SinkConfig.CATALOG_PREFIX + k, v));
    return props;
  }

  private DedupAggregateSinkTask startTask(RecordingSinkTaskContext context, Map<String, String> props) {
    DedupAggregateSinkTask task = new DedupAggregateSinkTask(clock, Destinations::create);
    task.initialize(context);
    task.start(props);
    started.add(task);
    return task;
  }

  /** A task whose destination fails its commits when {@code failing} says so. */
  private DedupAggregateSinkTask startTask(RecordingSinkTaskContext context, Map<String, String> props,
      FailingDestination failing) {
    DedupAggregateSinkTask task = new DedupAggregateSinkTask(clock,
        (config, id) -> failing.wrap(Destinations.create(config, id)));
    task.initialize(context);
    task.start(props);
    started.add(task);
    return task;
  }

  private DedupAggregateSinkTask startTask(RecordingSinkTaskContext context) {
    return startTask(context, props());
  }

  private static List<SinkRecord> records(int partition, long from, long to) {
    return LongStream.range(from, to).mapToObj(o -> TestEvents.record(partition, o)).toList();
  }

  private List<String> eventIds() {
    Table table = catalog.loadTable(TableIdentifier.of("demo", "events"));
    List<String> ids = new ArrayList<>();
    try (CloseableIterable<Record> rows = IcebergGenerics.read(table).build()) {
      rows.forEach(r -> ids.add((String) r.getField("event_id")));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return ids;
  }

  private void commitByInterval(DedupAggregateSinkTask task) {
    clock.advance(1000);
    task.put(List.of());
  }

  @Test
  void commitsRowsAndOffsetsTogetherWhenTheIntervalElapses() {
    DedupAggregateSinkTask task = startTask(new RecordingSinkTaskContext(true));
    task.open(List.of(P0, P1));
    task.put(records(0, 0, 5));
    task.put(records(1, 0, 3));
    assertThat(catalog.tableExists(TableIdentifier.of("demo", "events"))).isTrue();
    assertThat(eventIds()).isEmpty(); // buffered, not committed yet

    commitByInterval(task);

    assertThat(eventIds()).hasSize(8).doesNotHaveDuplicates();
    Map<TopicPartition, OffsetAndMetadata> committed = task.preCommit(Map.of(
        P0, new OffsetAndMetadata(5), P1, new OffsetAndMetadata(3)));
    assertThat(committed).containsEntry(P0, new OffsetAndMetadata(5)).containsEntry(P1, new OffsetAndMetadata(3));
  }

  @Test
  void asksConnectToCallBackWhenTheCommitIsDueEvenIfNoMoreRecordsArrive() {
    RecordingSinkTaskContext context = new RecordingSinkTaskContext(true);
    DedupAggregateSinkTask task = startTask(context);
    task.open(List.of(P0));
    task.put(List.of());
    assertThat(context.timeouts).as("nothing buffered: Connect may poll as long as it likes").isEmpty();

    task.put(records(0, 0, 5));
    assertThat(context.timeouts).containsExactly(1000L); // the whole commit interval is left
    clock.advance(400);
    task.preCommit(Map.of(P0, new OffsetAndMetadata(5)));
    assertThat(context.timeouts).containsExactly(1000L, 600L);

    clock.advance(600);
    context.timeouts.clear();
    task.put(List.of()); // the call Connect makes once that timeout ends, with no records

    assertThat(eventIds()).hasSize(5);
    assertThat(context.timeouts).as("all committed: no call-back needed").isEmpty();
  }

  @Test
  void aTaskPausedAfterAFailedCommitAsksToBeCalledWhenTheBackoffEnds() {
    Map<String, String> props = props();
    props.put(SinkConfig.COMMIT_RETRY_BACKOFF_MS, "2000");
    FailingDestination failing = new FailingDestination();
    RecordingSinkTaskContext context = new RecordingSinkTaskContext(true);
    context.assignment.add(P0);
    DedupAggregateSinkTask task = startTask(context, props, failing);
    task.open(List.of(P0));
    task.put(records(0, 0, 5));
    failing.failuresLeft = 1;
    context.timeouts.clear();

    commitByInterval(task); // fails: paused for 2 s, nothing buffered any more

    assertThat(context.paused).containsExactly(P0);
    assertThat(context.timeouts).containsExactly(2000L);
    clock.advance(2000);
    task.put(List.of());
    assertThat(context.paused).isEmpty();
  }

  @Test
  void preCommitNeverReportsOffsetsTheTableDoesNotHold() {
    DedupAggregateSinkTask task = startTask(new RecordingSinkTaskContext(true));
    task.open(List.of(P0));
    task.put(records(0, 0, 5));

    Map<TopicPartition, OffsetAndMetadata> committed = task.preCommit(Map.of(P0, new OffsetAndMetadata(5)));

    assertThat(committed).isEmpty();
  }

  @Test
  void aRestartedTaskSeeksToTheTablesOffsetsAndSkipsRedeliveredRecords() {
    DedupAggregateSinkTask first = startTask(new RecordingSinkTaskContext(true));
    first.open(List.of(P0));
    first.put(records(0, 0, 10));
    commitByInterval(first);
    first.put(records(0, 10, 15)); // never committed: the task "crashes" here
    first.stop();

    RecordingSinkTaskContext context = new RecordingSinkTaskContext(true);
    DedupAggregateSinkTask second = startTask(context);
    second.open(List.of(P0));
    assertThat(context.seeks).containsEntry(P0, 10L);

    // Connect may still hand over records from before the seek; they are in the table already.
    second.put(records(0, 5, 20));
    commitByInterval(second);

    List<String> ids = eventIds();
    assertThat(ids).hasSize(20).doesNotHaveDuplicates();
  }

  @Test
  void recordsThatCannotBeWrittenGoToTheDeadLetterQueueAndTheirOffsetsAreCommitted() {
    RecordingSinkTaskContext context = new RecordingSinkTaskContext(true);
    DedupAggregateSinkTask task = startTask(context);
    task.open(List.of(P0));
    task.put(List.of(TestEvents.record(0, 0), TestEvents.unparseable(0, 1), TestEvents.record(0, 2)));
    commitByInterval(task);

    assertThat(context.errant).extracting(SinkRecord::kafkaOffset).containsExactly(1L);
    assertThat(context.errantReasons.get(0)).contains("String").doesNotContain("event_id\": \"tru");
    assertThat(eventIds()).containsExactlyInAnyOrder("e-0-0", "e-0-2");
    assertThat(task.preCommit(Map.of(P0, new OffsetAndMetadata(3)))).containsEntry(P0, new OffsetAndMetadata(3));
  }

  @Test
  void withoutADeadLetterQueueABadRecordStopsTheTaskWithTheReason() {
    DedupAggregateSinkTask task = startTask(new RecordingSinkTaskContext(false));
    task.open(List.of(P0));

    assertThatThrownBy(() -> task.put(List.of(TestEvents.unparseable(0, 7))))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("events-0@7")
        .hasMessageContaining("errors.tolerance=all");
  }

  @Test
  void offsetsOfRecordsTheRuntimeDroppedAreCommittedSoTheyAreNotRedelivered() {
    DedupAggregateSinkTask task = startTask(new RecordingSinkTaskContext(true));
    task.open(List.of(P0));
    task.put(records(0, 0, 3));
    // Offsets 3..5 failed in the converter: Connect sent them to its DLQ and never called put.
    clock.advance(1000);
    Map<TopicPartition, OffsetAndMetadata> committed = task.preCommit(Map.of(P0, new OffsetAndMetadata(6)));

    assertThat(committed).containsEntry(P0, new OffsetAndMetadata(6));
  }

  @Test
  void aZombieCommitIsDetectedAndTheTaskResumesAfterTheOtherWritersRows() {
    RecordingSinkTaskContext zombieContext = new RecordingSinkTaskContext(true);
    DedupAggregateSinkTask zombie = startTask(zombieContext);
    zombie.open(List.of(P0));
    zombie.put(records(0, 0, 4));
    commitByInterval(zombie);

    // A rebalance gave P0 to another task while the zombie still thinks it owns it.
    DedupAggregateSinkTask owner = startTask(new RecordingSinkTaskContext(true));
    owner.open(List.of(P0));
    owner.put(records(0, 4, 8));
    commitByInterval(owner);

    zombie.put(records(0, 4, 6)); // some of the same records again, from the zombie
    commitByInterval(zombie);

    assertThat(eventIds()).hasSize(8).doesNotHaveDuplicates();
    assertThat(zombieContext.seeks).containsEntry(P0, 8L); // moved on past the owner's rows
  }

  @Test
  void failedCommitsRewindAndAreRetriedThenFailTheTaskWhenTheyPersist() {
    Map<String, String> props = props();
    props.put(SinkConfig.COMMIT_MAX_FAILURES, "2");
    FailingDestination failing = new FailingDestination();
    RecordingSinkTaskContext context = new RecordingSinkTaskContext(true);
    DedupAggregateSinkTask task = startTask(context, props, failing);
    task.open(List.of(P0));
    task.put(records(0, 0, 5));
    commitByInterval(task);
    task.put(records(0, 5, 10));

    failing.failuresLeft = 1;
    commitByInterval(task);
    assertThat(context.seeks).containsEntry(P0, 5L); // rewound to what the table holds
    assertThat(eventIds()).hasSize(5);

    task.put(records(0, 5, 10)); // redelivered after the seek
    commitByInterval(task);
    assertThat(eventIds()).hasSize(10).doesNotHaveDuplicates();

    task.put(records(0, 10, 12));
    failing.failuresLeft = 2;
    commitByInterval(task);
    task.put(records(0, 10, 12));
    clock.advance(1000);
    assertThatThrownBy(() -> task.put(List.of()))
        .isInstanceOf(ConnectException.class)
        .hasMessageContaining("failed 2 times in a row");
    assertThat(eventIds()).hasSize(10);
  }

  @Test
  void afterAFailedCommitTheTaskPausesAndWaitsLongerEachTimeBeforeTryingAgain() {
    Map<String, String> props = props();
    props.put(SinkConfig.COMMIT_RETRY_BACKOFF_MS, "2000");
    props.put(SinkConfig.COMMIT_RETRY_BACKOFF_MAX_MS, "3000");
    FailingDestination failing = new FailingDestination();
    RecordingSinkTaskContext context = new RecordingSinkTaskContext(true);
    context.assignment.add(P0);
    DedupAggregateSinkTask task = startTask(context, props, failing);
    task.open(List.of(P0));
    task.put(records(0, 0, 5));

    failing.failuresLeft = 2;
    commitByInterval(task);                  // failure 1: 2 s pause
    assertThat(context.paused).containsExactly(P0);
    task.put(records(0, 0, 5));              // redelivered after the rewind
    commitByInterval(task);                  // 1 s later: still pausing, no attempt
    assertThat(failing.failuresLeft).isEqualTo(1);
    assertThat(context.paused).containsExactly(P0);
    commitByInterval(task);                  // 2 s: failure 2, the pause doubles, capped at 3 s
    assertThat(failing.failuresLeft).isZero();
    task.put(records(0, 0, 5));
    commitByInterval(task);
    commitByInterval(task);
    assertThat(eventIds()).isEmpty();        // 2 s into a 3 s pause
    commitByInterval(task);                  // 3 s: resumed and committed
    assertThat(context.paused).isEmpty();
    task.put(records(0, 0, 5));
    commitByInterval(task);
    assertThat(eventIds()).hasSize(5).doesNotHaveDuplicates();
  }

  @Test
  void closingPartitionsCommitsWhatWasBuffered() {
    DedupAggregateSinkTask task = startTask(new RecordingSinkTaskContext(true));
    task.open(List.of(P0, P1));
    task.put(records(0, 0, 3));
    task.put(records(1, 0, 2));

    task.close(List.of(P0));

    assertThat(eventIds()).hasSize(5);
  }

  @Test
  void aSecondConnectorOnTheSameTableKeepsItsOwnOffsets() {
    DedupAggregateSinkTask first = startTask(new RecordingSinkTaskContext(true));
    first.open(List.of(P0));
    first.put(records(0, 0, 3));
    commitByInterval(first);

    Map<String, String> other = props();
    other.put("name", "other-sink");
    RecordingSinkTaskContext context = new RecordingSinkTaskContext(true);
    DedupAggregateSinkTask second = startTask(context, other);
    second.open(List.of(P0));

    assertThat(context.seeks).isEmpty();
  }

  /** Wraps a destination and makes its next commits fail, as a flaky catalog would. */
  static final class FailingDestination {
    int failuresLeft;

    EventDestination wrap(EventDestination real) {
      return new ForwardingDestination(real) {
        @Override
        public void commit(Map<TopicPartition, Long> nextOffsets, Map<TopicPartition, String> states) {
          if (failuresLeft > 0) {
            failuresLeft--;
            real.abort();
            throw new org.apache.iceberg.exceptions.CommitFailedException("injected commit failure");
          }
          real.commit(nextOffsets, states);
        }
      };
    }
  }
}
