package io.streametl.sink;

import static io.streametl.sink.RegionEvents.EVENTS;
import static io.streametl.sink.RegionEvents.events;
import static io.streametl.sink.RegionEvents.truth;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streametl.sink.iceberg.IcebergDestination;
import io.streametl.sink.iceberg.TableSinkAccess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.Record;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dedup and aggregation through the task, on real Iceberg tables, across restarts and crashes. */
class StatefulSinkTaskTest {

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

  private DedupAggregateSinkTask start(java.util.function.BiFunction<SinkConfig, Integer, EventDestination> factory) {
    DedupAggregateSinkTask task = new DedupAggregateSinkTask(clock, factory);
    task.initialize(new RecordingSinkTaskContext(true));
    task.start(RegionEvents.sinkProps(dir));
    task.open(List.of(P0));
    started.add(task);
    return task;
  }

  private DedupAggregateSinkTask start() {
    return start(Destinations::create);
  }

  private void commit(DedupAggregateSinkTask task) {
    clock.advance(1000);
    task.put(List.of());
  }

  private List<Record> rows(TableIdentifier table) {
    return RegionEvents.rows(catalog, table);
  }

  private Map<String, String> folded() {
    return RegionEvents.folded(catalog);
  }

  @Test
  void duplicatesAreDroppedWithinAndAcrossCyclesAndAggregatesCountEachEventOnce() {
    DedupAggregateSinkTask task = start();
    task.put(events(0, 60, 40)); // ids 0..39, then 0..19 again
    commit(task);
    task.put(events(60, 30, 40)); // ids 20..39, 0..9: all seen before
    commit(task);

    assertThat(rows(EVENTS)).hasSize(40);
    assertThat(folded()).isEqualTo(truth(40));
  }

  @Test
  void aRestartedTaskRestoresItsDedupStateFromTheFilesTheTableReferences() {
    DedupAggregateSinkTask first = start();
    for (int cycle = 0; cycle < 5; cycle++) { // more cycles than compact-after: a base is written
      first.put(events(cycle * 10L, 10, 50));
      commit(first);
    }
    first.put(events(50, 10, 50)); // uncommitted when the task dies
    first.stop();

    DedupAggregateSinkTask second = start();
    second.put(events(40, 40, 50)); // redelivered 40..49, then 50..79: ids 0..29 repeat
    commit(second);

    assertThat(rows(EVENTS)).hasSize(50);
    assertThat(folded()).isEqualTo(truth(50));
  }

  @Test
  void aCrashBetweenTheAggregateTableAndTheAnchorDoesNotCountTwice() {
    DedupAggregateSinkTask first = start();
    first.put(events(0, 20, 100));
    commit(first);
    first.stop();

    // The next cycle's aggregate table commits (phase one), then the worker dies before the anchor.
    DedupAggregateSinkTask crashing = start((config, id) ->
        new CrashAfterPhaseOne((IcebergDestination) Destinations.create(config, id)));
    crashing.put(events(20, 20, 100));
    clock.advance(1000);
    assertThatThrownBy(() -> crashing.put(List.of())).hasMessageContaining("simulated crash");
    assertThat(folded()).isNotEqualTo(truth(20)); // the aggregate table is ahead of the anchor now
    crashing.stop();

    DedupAggregateSinkTask restarted = start();
    restarted.put(events(20, 30, 100)); // replays 20..39, which the aggregate table already holds
    commit(restarted);

    assertThat(rows(EVENTS)).hasSize(50);
    assertThat(folded()).isEqualTo(truth(50));
  }

  /** Commits the aggregate table's phase-one append, then fails as a killed worker would. */
  private static final class CrashAfterPhaseOne extends ForwardingDestination {
    CrashAfterPhaseOne(IcebergDestination real) {
      super(real);
    }

    @Override
    public void commit(Map<TopicPartition, Long> nextOffsets, Map<TopicPartition, String> states) {
      TableSinkAccess.commitAggregateOnly((IcebergDestination) real, "by_region", nextOffsets);
      throw new org.apache.kafka.connect.errors.ConnectException("simulated crash between the two phases");
    }
  }
}
