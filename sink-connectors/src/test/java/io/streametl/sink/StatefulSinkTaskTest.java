package io.streametl.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streametl.sink.iceberg.IcebergCatalogs;
import io.streametl.sink.iceberg.IcebergDestination;
import io.streametl.sink.iceberg.TableSinkAccess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dedup and aggregation through the task, on real Iceberg tables, across restarts and crashes. */
class StatefulSinkTaskTest {

  private static final TopicPartition P0 = new TopicPartition("events", 0);
  private static final TableIdentifier EVENTS = TableIdentifier.of("demo", "events");
  private static final TableIdentifier BY_REGION = TableIdentifier.of("demo", "events_by_region");
  private static final long MINUTE = 60_000L;
  private static final long T0 = 1_763_700_000_000L - 1_763_700_000_000L % MINUTE;

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
    return Map.of("type", "jdbc", "uri", "jdbc:sqlite:" + dir.resolve("catalog.db"),
        "warehouse", dir.resolve("warehouse").toUri().toString());
  }

  private Map<String, String> props() {
    Map<String, String> props = new HashMap<>();
    props.put("name", "sink");
    props.put(SinkConfig.TABLE, "demo.events");
    props.put(SinkConfig.COMMIT_INTERVAL_MS, "1000");
    props.put(SinkConfig.DEDUP_ENABLED, "true");
    props.put(SinkConfig.DEDUP_KEY_FIELDS, "event_id");
    props.put(SinkConfig.DEDUP_TTL, "1h");
    props.put(SinkConfig.DEDUP_COMPACT_AFTER, "2");
    props.put("aggregations", "by_region");
    props.put("aggregation.by_region.window", "tumbling:1m");
    props.put("aggregation.by_region.time-field", "event_time");
    props.put("aggregation.by_region.group-by", "region");
    props.put("aggregation.by_region.metrics", "count,sum(amount):decimal");
    props.put("aggregation.by_region.allowed-lateness", "1h");
    catalogProps().forEach((k, v) -> props.put(SinkConfig.CATALOG_PREFIX + k, v));
    return props;
  }

  private DedupAggregateSinkTask start(java.util.function.BiFunction<SinkConfig, Integer, EventDestination> factory) {
    DedupAggregateSinkTask task = new DedupAggregateSinkTask(clock, factory);
    task.initialize(new RecordingSinkTaskContext(true));
    task.start(props());
    task.open(List.of(P0));
    started.add(task);
    return task;
  }

  private DedupAggregateSinkTask start() {
    return start(Destinations::create);
  }

  /** Event i: id "e<i mod distinct>", so ids repeat; region and minute vary with the id. */
  private static SinkRecord event(long offset, int id) {
    Map<String, Object> value = new HashMap<>();
    value.put("event_id", "e" + id);
    value.put("region", id % 3 == 0 ? "eu" : "us");
    value.put("amount", new BigDecimal(id % 7 + ".25"));
    value.put("event_time", T0 + (id % 5) * MINUTE);
    return new SinkRecord("events", 0, null, "e" + id, null, value, offset, T0 + offset, null);
  }

  private void commit(DedupAggregateSinkTask task) {
    clock.advance(1000);
    task.put(List.of());
  }

  private List<Record> rows(TableIdentifier table) {
    if (!catalog.tableExists(table)) {
      return List.of();
    }
    Table loaded = catalog.loadTable(table);
    List<Record> rows = new ArrayList<>();
    try (CloseableIterable<Record> it = IcebergGenerics.read(loaded).build()) {
      it.forEach(rows::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  /** Folds the partial rows: count and sum per (window start, region). */
  private Map<String, String> folded() {
    Map<String, Long> counts = new TreeMap<>();
    Map<String, BigDecimal> sums = new TreeMap<>();
    for (Record row : rows(BY_REGION)) {
      String key = row.getField("window_start") + "/" + row.getField("region");
      counts.merge(key, (Long) row.getField("record_count"), Long::sum);
      sums.merge(key, (BigDecimal) row.getField("sum_amount"), BigDecimal::add);
    }
    Map<String, String> result = new TreeMap<>();
    counts.forEach((k, c) -> result.put(k, c + " " + sums.get(k)));
    return result;
  }

  /** The same fold computed directly from the distinct ids, without the sink. */
  private static Map<String, String> truth(int distinctIds) {
    Map<String, Long> counts = new TreeMap<>();
    Map<String, BigDecimal> sums = new TreeMap<>();
    for (int id = 0; id < distinctIds; id++) {
      String key = java.time.Instant.ofEpochMilli(T0 + (id % 5) * MINUTE).atOffset(java.time.ZoneOffset.UTC)
          + "/" + (id % 3 == 0 ? "eu" : "us");
      counts.merge(key, 1L, Long::sum);
      sums.merge(key, new BigDecimal(id % 7 + ".25"), BigDecimal::add);
    }
    Map<String, String> result = new TreeMap<>();
    counts.forEach((k, c) -> result.put(k, c + " " + sums.get(k)));
    return result;
  }

  private static List<SinkRecord> events(long fromOffset, int count, int distinct) {
    List<SinkRecord> records = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long offset = fromOffset + i;
      records.add(event(offset, (int) (offset % distinct)));
    }
    return records;
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
