package io.streametl.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.streametl.sink.iceberg.IcebergCatalogs;
import io.streametl.sink.iceberg.IcebergDestination;
import io.streametl.sink.iceberg.OffsetLedger;
import io.streametl.sink.iceberg.maintenance.MaintenanceConfig;
import io.streametl.sink.iceberg.maintenance.MaintenanceStats;
import io.streametl.sink.iceberg.maintenance.TableMaintenance;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.apache.iceberg.DataOperations;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Snapshot;
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

/**
 * Table maintenance as the real task runs it, against real tables on disk (JDBC catalog on SQLite):
 * compaction keeps every row, expiry keeps every partition's offsets and state, failures harm
 * nothing. The task's clock starts at the real time, because maintenance compares it with the
 * commit times Iceberg gives snapshots; moving it days ahead makes every snapshot old.
 */
class TableMaintenanceTaskTest {

  private static final TopicPartition P0 = new TopicPartition("events", 0);
  private static final TopicPartition P1 = new TopicPartition("events", 1);
  private static final TableIdentifier EVENTS = TableIdentifier.of("demo", "events");
  private static final TableIdentifier BY_REGION = TableIdentifier.of("demo", "events_by_region");
  private static final long MINUTE = 60_000L;
  private static final long HOUR = 60 * MINUTE;
  private static final long DAYS = 24 * HOUR;
  private static final long T0 = 1_763_700_000_000L - 1_763_700_000_000L % MINUTE;

  @TempDir
  Path dir;
  private final MutableClock clock = new MutableClock(System.currentTimeMillis());
  private final List<DedupAggregateSinkTask> started = new ArrayList<>();
  private final List<IcebergDestination> destinations = new ArrayList<>();
  private Catalog catalog;

  @BeforeEach
  void openCatalog() {
    catalog = IcebergCatalogs.load("streametl", catalogProps());
  }

  @AfterEach
  void stopTasks() {
    FaultyFileIO.failDataReads = false;
    started.forEach(DedupAggregateSinkTask::stop);
  }

  private Map<String, String> catalogProps() {
    return Map.of("type", "jdbc", "uri", "jdbc:sqlite:" + dir.resolve("catalog.db"),
        "warehouse", dir.resolve("warehouse").toUri().toString(),
        "io-impl", FaultyFileIO.class.getName());
  }

  /** Events into demo.events partitioned by day, commits every second, maintenance expiring eagerly. */
  private Map<String, String> props(String... overrides) {
    Map<String, String> props = new HashMap<>();
    props.put("name", "sink");
    props.put(SinkConfig.TABLE, "demo.events");
    props.put(SinkConfig.COMMIT_INTERVAL_MS, "1000");
    props.put(MaintenanceConfig.SNAPSHOTS_MAX_AGE, "2h");
    props.put(MaintenanceConfig.SNAPSHOTS_RETAIN_LAST, "1");
    props.put(MaintenanceConfig.COMPACTION_MIN_FILES, "3");
    catalogProps().forEach((k, v) -> props.put(SinkConfig.CATALOG_PREFIX + k, v));
    for (int i = 0; i < overrides.length; i += 2) {
      props.put(overrides[i], overrides[i + 1]);
    }
    return props;
  }

  /** Adds dedup by event_id and a per-minute, per-region aggregation to {@link #props}. */
  private Map<String, String> statefulProps(String... overrides) {
    Map<String, String> props = props(
        SinkConfig.DEDUP_ENABLED, "true",
        SinkConfig.DEDUP_KEY_FIELDS, "event_id",
        SinkConfig.DEDUP_COMPACT_AFTER, "2",
        "aggregations", "by_region",
        "aggregation.by_region.window", "tumbling:1m",
        "aggregation.by_region.time-field", "event_time",
        "aggregation.by_region.group-by", "region",
        "aggregation.by_region.metrics", "count,sum(amount):decimal,min(amount):decimal,max(event_id):string",
        "aggregation.by_region.allowed-lateness", "1h");
    for (int i = 0; i < overrides.length; i += 2) {
      props.put(overrides[i], overrides[i + 1]);
    }
    return props;
  }

  private DedupAggregateSinkTask start(Map<String, String> props, RecordingSinkTaskContext context,
      TopicPartition... partitions) {
    DedupAggregateSinkTask task = new DedupAggregateSinkTask(clock, (config, id) -> {
      IcebergDestination destination = (IcebergDestination) Destinations.create(config, id);
      destinations.add(destination);
      return destination;
    });
    task.initialize(context);
    task.start(props);
    task.open(List.of(partitions));
    started.add(task);
    return task;
  }

  private DedupAggregateSinkTask start(Map<String, String> props, TopicPartition... partitions) {
    return start(props, new RecordingSinkTaskContext(true), partitions);
  }

  private MaintenanceStats maintenanceStats() {
    return destinations.get(destinations.size() - 1).maintenance().map(TableMaintenance::stats).orElseThrow();
  }

  private void commit(DedupAggregateSinkTask task) {
    clock.advance(1000);
    task.put(List.of());
  }

  /** Two days later every snapshot so far is past the maximum age, and maintenance is due. */
  private void twoDaysLater(DedupAggregateSinkTask task) {
    clock.advance(2 * DAYS);
    task.put(List.of());
  }

  private static List<SinkRecord> structEvents(int partition, long from, long to) {
    return LongStream.range(from, to).mapToObj(o -> TestEvents.record(partition, o)).toList();
  }

  /** Event {@code id} in a Map value: its region and minute follow from the id, so ids repeat them. */
  private static SinkRecord event(int partition, long offset, int id) {
    Map<String, Object> value = new HashMap<>();
    value.put("event_id", "e" + id);
    value.put("region", id % 3 == 0 ? "eu" : "us");
    value.put("amount", new BigDecimal(id % 7 + ".25"));
    value.put("event_time", T0 + (id % 5) * MINUTE);
    return new SinkRecord("events", partition, null, "e" + id, null, value, offset, T0 + offset, null);
  }

  private static List<SinkRecord> events(int partition, long fromOffset, int fromId, int count) {
    List<SinkRecord> records = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      records.add(event(partition, fromOffset + i, fromId + i));
    }
    return records;
  }

  private Table table(TableIdentifier identifier) {
    return catalog.loadTable(identifier);
  }

  private List<Record> rows(TableIdentifier identifier) {
    List<Record> rows = new ArrayList<>();
    try (CloseableIterable<Record> it = IcebergGenerics.read(table(identifier)).build()) {
      it.forEach(rows::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  private List<String> eventIds() {
    return rows(EVENTS).stream().map(r -> (String) r.getField("event_id")).toList();
  }

  private int dataFiles(TableIdentifier identifier) {
    int count = 0;
    try (CloseableIterable<FileScanTask> tasks = table(identifier).newScan().planFiles()) {
      for (FileScanTask ignored : tasks) {
        count++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return count;
  }

  private long parquetFilesOnDisk(TableIdentifier identifier) throws IOException {
    Path data = dir.resolve("warehouse").resolve(identifier.namespace().level(0)).resolve(identifier.name())
        .resolve("data");
    try (Stream<Path> files = Files.walk(data)) {
      return files.filter(f -> f.toString().endsWith(".parquet")).count();
    }
  }

  private static int snapshots(Table table) {
    int count = 0;
    for (Snapshot ignored : table.snapshots()) {
      count++;
    }
    return count;
  }

  /** Folds the partial rows as the view does: per (window start, region) count, sum, min, max. */
  private Map<String, String> folded() {
    Map<String, Long> counts = new TreeMap<>();
    Map<String, BigDecimal> sums = new TreeMap<>();
    Map<String, BigDecimal> mins = new TreeMap<>();
    Map<String, String> maxIds = new TreeMap<>();
    for (Record row : rows(BY_REGION)) {
      String key = row.getField("window_start") + "/" + row.getField("region");
      counts.merge(key, (Long) row.getField("record_count"), Long::sum);
      sums.merge(key, (BigDecimal) row.getField("sum_amount"), BigDecimal::add);
      mins.merge(key, (BigDecimal) row.getField("min_amount"), BigDecimal::min);
      maxIds.merge(key, (String) row.getField("max_event_id"), (a, b) -> a.compareTo(b) >= 0 ? a : b);
    }
    Map<String, String> result = new TreeMap<>();
    counts.forEach((k, c) -> result.put(k, c + " " + sums.get(k) + " " + mins.get(k) + " " + maxIds.get(k)));
    return result;
  }

  /** The same fold computed from the distinct ids, without the sink. */
  private static Map<String, String> truth(List<Integer> ids) {
    Map<String, Long> counts = new TreeMap<>();
    Map<String, BigDecimal> sums = new TreeMap<>();
    Map<String, BigDecimal> mins = new TreeMap<>();
    Map<String, String> maxIds = new TreeMap<>();
    for (int id : ids) {
      String key = java.time.Instant.ofEpochMilli(T0 + (id % 5) * MINUTE).atOffset(java.time.ZoneOffset.UTC)
          + "/" + (id % 3 == 0 ? "eu" : "us");
      BigDecimal amount = new BigDecimal(id % 7 + ".25");
      counts.merge(key, 1L, Long::sum);
      sums.merge(key, amount, BigDecimal::add);
      mins.merge(key, amount, BigDecimal::min);
      maxIds.merge(key, "e" + id, (a, b) -> a.compareTo(b) >= 0 ? a : b);
    }
    Map<String, String> result = new TreeMap<>();
    counts.forEach((k, c) -> result.put(k, c + " " + sums.get(k) + " " + mins.get(k) + " " + maxIds.get(k)));
    return result;
  }

  private static List<Integer> range(int from, int to) {
    List<Integer> ids = new ArrayList<>();
    for (int id = from; id < to; id++) {
      ids.add(id);
    }
    return ids;
  }

  @Test
  void compactionMergesTheSmallFilesOfAClosedPartitionAndKeepsEveryRow() throws IOException {
    DedupAggregateSinkTask task = start(props(SinkConfig.TABLE_PARTITION_BY, "day(event_time)"), P0, P1);
    for (int cycle = 0; cycle < 8; cycle++) {
      task.put(structEvents(0, cycle * 4L, cycle * 4L + 4));
      task.put(structEvents(1, cycle * 4L, cycle * 4L + 4));
      commit(task);
    }
    List<String> before = eventIds();
    assertThat(dataFiles(EVENTS)).isEqualTo(8);

    twoDaysLater(task);

    assertThat(dataFiles(EVENTS)).isEqualTo(1);
    assertThat(eventIds()).hasSize(64).containsExactlyInAnyOrderElementsOf(before);
    Snapshot current = table(EVENTS).currentSnapshot();
    assertThat(current.operation()).isEqualTo(DataOperations.REPLACE);
    assertThat(current.summary()).doesNotContainKey(new OffsetLedger("sink").summaryKey());
    assertThat(maintenanceStats().filesCompacted()).isEqualTo(8);
    // The snapshot below the rewrite holds the partitions' newest offsets, so it and the small
    // files it references stay; once the refresh has recorded the offsets above the rewrite, the
    // next run expires it, and the small files with it.
    assertThat(parquetFilesOnDisk(EVENTS)).isEqualTo(9);
    clock.advance(HOUR);
    task.put(List.of());
    assertThat(parquetFilesOnDisk(EVENTS)).isEqualTo(1);
    assertThat(snapshots(table(EVENTS))).isEqualTo(1);
    assertThat(maintenanceStats().runs()).isEqualTo(2);
    assertThat(maintenanceStats().failures()).isZero();

    // A task resumes past the rewrite snapshot, from the offsets recorded below it.
    task.stop();
    RecordingSinkTaskContext context = new RecordingSinkTaskContext(true);
    DedupAggregateSinkTask restarted = start(props(SinkConfig.TABLE_PARTITION_BY, "day(event_time)"), context, P0, P1);
    assertThat(context.seeks).isEqualTo(Map.of(P0, 32L, P1, 32L));
    restarted.put(structEvents(0, 30, 36)); // 30 and 31 are redelivered
    commit(restarted);
    assertThat(eventIds()).hasSize(68).doesNotHaveDuplicates();
  }

  @Test
  void partitionsThatAreStillWrittenAreNotCompacted() {
    DedupAggregateSinkTask task = start(props(MaintenanceConfig.COMPACTION_MIN_AGE, "3d"), P0);
    for (int cycle = 0; cycle < 5; cycle++) {
      task.put(structEvents(0, cycle * 2L, cycle * 2L + 2));
      commit(task);
    }

    twoDaysLater(task); // files were added less than 3 days ago: the (only) partition is open

    assertThat(dataFiles(EVENTS)).isEqualTo(5);
    assertThat(maintenanceStats().runs()).isEqualTo(1);
  }

  @Test
  void expiryKeepsEveryPartitionsOffsetsAndStateAndTheRefreshLetsItRemoveOldSnapshots() throws IOException {
    DedupAggregateSinkTask task = start(statefulProps(), P0, P1);
    task.put(events(0, 0, 0, 10));
    task.put(events(1, 0, 100, 10)); // P1 takes no record after this cycle
    commit(task);
    long firstEvents = table(EVENTS).currentSnapshot().snapshotId();
    long firstAggregates = table(BY_REGION).currentSnapshot().snapshotId();
    for (int cycle = 1; cycle < 5; cycle++) {
      task.put(events(0, cycle * 10L, cycle * 10, 10));
      commit(task);
    }
    clock.advance(HOUR); // the refresh interval: the next commit records idle P1 again
    task.put(events(0, 50, 50, 10));
    commit(task);
    task.put(events(0, 60, 60, 10));
    commit(task);
    // A state file left behind by a task that died between writing it and committing it.
    Table events = table(EVENTS);
    String stray = IcebergDestination.stateFolder(events, "sink") + "events-1/3-delta-" + UUID.randomUUID() + ".seds";
    try (OutputStream out = events.io().newOutputFile(stray).create()) {
      out.write("left behind".getBytes(StandardCharsets.UTF_8));
    }
    int eventSnapshotsBefore = snapshots(table(EVENTS));

    twoDaysLater(task);

    assertThat(table(EVENTS).snapshot(firstEvents)).isNull();
    assertThat(table(BY_REGION).snapshot(firstAggregates)).isNull();
    assertThat(snapshots(table(EVENTS))).isLessThan(eventSnapshotsBefore);
    assertThat(events.io().newInputFile(stray).exists()).isFalse();
    assertThat(maintenanceStats().stateFilesDeleted()).isEqualTo(1);
    assertThat(maintenanceStats().failures()).isZero();

    // A task that takes over resumes both partitions where they stand, with their dedup state.
    task.stop();
    RecordingSinkTaskContext context = new RecordingSinkTaskContext(true);
    DedupAggregateSinkTask restarted = start(statefulProps(), context, P0, P1);
    assertThat(context.seeks).isEqualTo(Map.of(P0, 70L, P1, 10L));
    restarted.put(events(1, 10, 100, 5));  // duplicates of P1's first records: dropped
    restarted.put(events(1, 15, 110, 5));
    restarted.put(events(0, 70, 0, 10));   // duplicates of P0's first records: dropped
    commit(restarted);

    List<Integer> distinct = new ArrayList<>(range(0, 70));
    distinct.addAll(range(100, 115));
    assertThat(eventIds()).hasSize(distinct.size()).doesNotHaveDuplicates();
    assertThat(folded()).isEqualTo(truth(distinct));
  }

  @Test
  void withoutTheRefreshAnIdlePartitionHoldsExpiryBackUntilItIsForgotten() {
    Map<String, String> noRefresh = props(MaintenanceConfig.OFFSETS_REFRESH_INTERVAL, "0",
        MaintenanceConfig.COMPACTION_ENABLED, "false");
    DedupAggregateSinkTask task = start(noRefresh, P0, P1);
    task.put(structEvents(0, 0, 3));
    task.put(structEvents(1, 0, 4)); // P1's only record of offsets
    commit(task);
    for (int cycle = 1; cycle < 6; cycle++) {
      task.put(structEvents(0, cycle * 3L, cycle * 3L + 3));
      commit(task);
    }
    int before = snapshots(table(EVENTS));

    twoDaysLater(task);

    assertThat(snapshots(table(EVENTS))).isEqualTo(before);
    task.stop();
    RecordingSinkTaskContext context = new RecordingSinkTaskContext(true);
    DedupAggregateSinkTask restarted = start(noRefresh, context, P0, P1);
    assertThat(context.seeks).isEqualTo(Map.of(P0, 18L, P1, 4L));
    restarted.stop();

    // The operator declares P1 gone for good: its offsets no longer hold expiry back.
    Map<String, String> forgetting = new HashMap<>(noRefresh);
    forgetting.put(MaintenanceConfig.OFFSETS_FORGET, "events:1");
    DedupAggregateSinkTask forgetful = start(forgetting, P0);
    forgetful.put(List.of());
    twoDaysLater(forgetful);

    assertThat(snapshots(table(EVENTS))).isLessThan(before);
    RecordingSinkTaskContext after = new RecordingSinkTaskContext(true);
    start(noRefresh, after, P0, P1);
    assertThat(after.seeks).isEqualTo(Map.of(P0, 18L)); // P1 would start from the consumer group's offsets
  }

  @Test
  void aFailedMaintenanceStepLeavesDataAndOffsetsAloneAndTheTaskRunning() {
    DedupAggregateSinkTask task = start(props(SinkConfig.TABLE_PARTITION_BY, "day(event_time)"), P0);
    for (int cycle = 0; cycle < 6; cycle++) {
      task.put(structEvents(0, cycle * 4L, cycle * 4L + 4));
      commit(task);
    }

    FaultyFileIO.failDataReads = true; // compaction cannot read the small files
    twoDaysLater(task);
    task.put(structEvents(0, 24, 28));
    commit(task);                      // the task goes on committing
    FaultyFileIO.failDataReads = false;

    assertThat(maintenanceStats().failures()).isEqualTo(1);
    assertThat(maintenanceStats().filesCompacted()).isZero();
    assertThat(dataFiles(EVENTS)).isEqualTo(7);
    assertThat(eventIds()).hasSize(28).doesNotHaveDuplicates();

    clock.advance(HOUR); // the next run retries, and succeeds
    task.put(List.of());
    assertThat(maintenanceStats().filesCompacted()).isEqualTo(7);
    assertThat(dataFiles(EVENTS)).isEqualTo(1);
    assertThat(eventIds()).hasSize(28).doesNotHaveDuplicates();

    task.stop();
    RecordingSinkTaskContext context = new RecordingSinkTaskContext(true);
    start(props(SinkConfig.TABLE_PARTITION_BY, "day(event_time)"), context, P0);
    assertThat(context.seeks).isEqualTo(Map.of(P0, 28L));
  }

  @Test
  void compactionFoldsPartialAggregateRowsAndTheFoldOfTheTableIsUnchanged() {
    DedupAggregateSinkTask task = start(statefulProps(), P0);
    for (int cycle = 0; cycle < 10; cycle++) {
      task.put(events(0, cycle * 10L, cycle * 10, 10));
      commit(task);
    }
    Map<String, String> before = folded();
    int partialRows = rows(BY_REGION).size();
    assertThat(before).isEqualTo(truth(range(0, 100)));

    twoDaysLater(task);

    assertThat(dataFiles(BY_REGION)).isEqualTo(1);
    assertThat(rows(BY_REGION)).hasSize(before.size()).hasSizeLessThan(partialRows); // one row per window and region
    assertThat(folded()).isEqualTo(before);
    assertThat(eventIds()).hasSize(100).doesNotHaveDuplicates();
  }
}
