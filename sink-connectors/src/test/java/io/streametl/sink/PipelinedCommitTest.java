package io.streametl.sink;

import static io.streametl.sink.RegionEvents.EVENTS;
import static io.streametl.sink.RegionEvents.events;
import static io.streametl.sink.RegionEvents.truth;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.Record;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commits published on the task's publisher thread while the task thread takes the next cycle,
 * on real Iceberg tables: the cycles stay apart in the rows, the aggregates and the dedup state,
 * preCommit reports only published offsets, and a failed publication discards both cycles.
 */
@Timeout(120) // a task thread that blocked on its publication would hang here, not pass
class PipelinedCommitTest {

  private static final TopicPartition P0 = new TopicPartition("events", 0);

  @TempDir
  Path dir;
  private final MutableClock clock = new MutableClock();
  private final List<DedupAggregateSinkTask> started = new ArrayList<>();
  private Catalog catalog;

  @BeforeEach
  void openCatalog() {
    catalog = RegionEvents.catalog(dir);
  }

  @AfterEach
  void stopTasks() {
    started.forEach(DedupAggregateSinkTask::stop);
  }

  @Test
  void theTaskTakesTheNextCycleWhileACommitIsPublishedAndReportsOnlyPublishedOffsets() {
    GatedDestination gated = new GatedDestination();
    RecordingSinkTaskContext context = new RecordingSinkTaskContext(true);
    DedupAggregateSinkTask task = start(context, gated, true);

    task.put(events(0, 30, 20));       // ids 0..19, then 0..9 again
    commit(task);                      // cycle 1 sealed; its publication waits at the gate
    task.put(events(30, 30, 30));      // ids 0..29: 20..29 new, the rest seen in cycle 1

    assertThat(rows(EVENTS)).isEmpty();
    assertThat(task.preCommit(Map.of(P0, new OffsetAndMetadata(60)))).doesNotContainKey(P0);

    gated.letOnePublicationThrough();
    settle(task);
    assertThat(task.preCommit(Map.of(P0, new OffsetAndMetadata(60)))).containsEntry(P0, new OffsetAndMetadata(30));
    assertThat(rows(EVENTS)).hasSize(20);
    assertThat(folded()).isEqualTo(truth(20)); // cycle 2's records are not in cycle 1's partial rows

    commit(task);
    gated.letOnePublicationThrough();
    settle(task);
    assertThat(task.preCommit(Map.of(P0, new OffsetAndMetadata(60)))).containsEntry(P0, new OffsetAndMetadata(60));
    assertThat(rows(EVENTS)).hasSize(30);
    assertThat(folded()).isEqualTo(truth(30)); // and cycle 1's are not in cycle 2's
    task.stop();
    started.remove(task);

    // The dedup files of both cycles hold every key: a restarted task drops all of them again.
    DedupAggregateSinkTask restarted = start(new RecordingSinkTaskContext(true), Destinations::create, false);
    restarted.put(events(60, 30, 30));
    commit(restarted);
    assertThat(rows(EVENTS)).hasSize(30);
    assertThat(folded()).isEqualTo(truth(30));
  }

  @Test
  void aFailedPublicationDiscardsItsCycleAndTheOneTakenSinceAndTheReplayEndsExact() {
    GatedDestination gated = new GatedDestination();
    RecordingSinkTaskContext context = new RecordingSinkTaskContext(true);
    DedupAggregateSinkTask task = start(context, gated, true);

    task.put(events(0, 30, 20));
    commit(task);
    task.put(events(30, 30, 30));      // taken while cycle 1 is being published
    gated.failNext("the catalog is down");
    gated.letOnePublicationThrough();
    settle(task);

    assertThat(context.seeks).containsEntry(P0, 0L); // both cycles are read again
    assertThat(rows(EVENTS)).isEmpty();
    // The runtime's position follows the seek, as WorkerSinkTask's does.
    assertThat(task.preCommit(Map.of(P0, new OffsetAndMetadata(0)))).doesNotContainKey(P0);

    task.put(events(0, 30, 20));       // the redelivery, during the pause after a failed commit
    task.put(events(30, 30, 30));
    clock.advance(60_000);             // past the pause
    commit(task);
    gated.letOnePublicationThrough();
    settle(task);

    // Had the rollback kept cycle 2's dedup entries, ids 20..29 would now be dropped as duplicates.
    assertThat(rows(EVENTS)).hasSize(30);
    assertThat(folded()).isEqualTo(truth(30));
    assertThat(task.preCommit(Map.of(P0, new OffsetAndMetadata(60)))).containsEntry(P0, new OffsetAndMetadata(60));
  }

  @Test
  void manyCyclesOnARealPublisherThreadEndWithEveryEventOnce() {
    RecordingSinkTaskContext context = new RecordingSinkTaskContext(true);
    DedupAggregateSinkTask task = start(context, Destinations::create, true);

    for (int batch = 0; batch < 40; batch++) {
      task.put(events(batch * 25L, 25, 300)); // 1,000 records, ids 0..299 over and over
      commit(task);                           // seals a cycle every batch, the last one still in flight
    }
    task.close(List.of(P0));                  // settles and commits whatever is left

    assertThat(rows(EVENTS)).hasSize(300);
    assertThat(folded()).isEqualTo(truth(300));
    Table events = catalog.loadTable(EVENTS);
    assertThat(events.currentSnapshot().summary()).containsKey("streametl.task");
  }

  @Test
  void aZombieFoundWhilePublishingDiscardsBothCyclesAndResumesAfterTheOtherWritersRows() {
    GatedDestination gated = new GatedDestination();
    RecordingSinkTaskContext zombieContext = new RecordingSinkTaskContext(true);
    DedupAggregateSinkTask zombie = start(zombieContext, gated, true);
    zombie.put(events(0, 10, 100));           // ids 0..9
    commit(zombie);
    gated.letOnePublicationThrough();
    settle(zombie);

    // A rebalance gave the partition to another task while the zombie still thinks it owns it.
    DedupAggregateSinkTask owner = start(new RecordingSinkTaskContext(true), Destinations::create, true);
    owner.put(events(10, 20, 100));           // ids 10..29
    owner.close(List.of(P0));

    zombie.put(events(10, 5, 100));           // the zombie's cycle 2: ids 10..14 again
    commit(zombie);
    zombie.put(events(15, 5, 100));           // its cycle 3, taken while cycle 2 is published
    gated.letOnePublicationThrough();         // finds the owner's offsets in the table
    settle(zombie);

    assertThat(zombieContext.seeks).containsEntry(P0, 30L); // moved on past the owner's rows
    assertThat(rows(EVENTS)).hasSize(30);
    assertThat(folded()).isEqualTo(truth(30));
    assertThat(zombie.preCommit(Map.of(P0, new OffsetAndMetadata(30)))).containsEntry(P0, new OffsetAndMetadata(30));
  }

  // --- fixtures ---------------------------------------------------------------------------------

  private DedupAggregateSinkTask start(RecordingSinkTaskContext context,
      java.util.function.BiFunction<SinkConfig, Integer, EventDestination> destinations, boolean inBackground) {
    DedupAggregateSinkTask task = new DedupAggregateSinkTask(clock, destinations, inBackground);
    task.initialize(context);
    task.start(RegionEvents.sinkProps(dir));
    task.open(List.of(P0));
    started.add(task);
    return task;
  }

  private DedupAggregateSinkTask start(RecordingSinkTaskContext context, GatedDestination gated, boolean inBackground) {
    return start(context, (config, id) -> gated.wrap(Destinations.create(config, id)), inBackground);
  }

  private void commit(DedupAggregateSinkTask task) {
    clock.advance(1000);
    task.put(List.of());
  }

  /** Waits for the task's publication to end, then puts nothing: the task settles it on that put. */
  private static void settle(DedupAggregateSinkTask task) {
    task.awaitCommitInFlight();
    task.put(List.of());
  }


  private List<Record> rows(TableIdentifier table) {
    return RegionEvents.rows(catalog, table);
  }

  private Map<String, String> folded() {
    return RegionEvents.folded(catalog);
  }

  /**
   * Holds each publication at a gate until the test lets it through, and can make the next one
   * fail as a catalog outage would (before anything reaches the tables).
   */
  private static final class GatedDestination {
    private final Semaphore gate = new Semaphore(0);
    private volatile String failure;

    EventDestination wrap(EventDestination real) {
      return new ForwardingDestination(real) {
        @Override
        public PreparedCommit prepare(Map<TopicPartition, Long> nextOffsets, Map<TopicPartition, String> states,
            boolean everyTable) {
          PreparedCommit inner = real.prepare(nextOffsets, states, everyTable);
          return new PreparedCommit() {
            @Override
            public void publish() {
              gate.acquireUninterruptibly();
              String message = failure;
              failure = null;
              if (message != null) {
                throw new IllegalStateException(message);
              }
              inner.publish();
            }

            @Override
            public void published() {
              inner.published();
            }

            @Override
            public RuntimeException failed(RuntimeException error) {
              return inner.failed(error);
            }
          };
        }
      };
    }

    void failNext(String message) {
      failure = message;
    }

    /** Lets the waiting publication run. */
    void letOnePublicationThrough() {
      gate.release();
    }
  }
}
