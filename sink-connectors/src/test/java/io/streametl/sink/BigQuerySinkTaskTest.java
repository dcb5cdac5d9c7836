package io.streametl.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import io.streametl.sink.bigquery.FakeBigQuery;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sink task with destination=bigquery, against {@link FakeBigQuery}: the same dedup and
 * aggregation as with Iceberg, the state kept in BigQuery, and exactly-once across restarts and a
 * crash after the ledger recorded a commit its tables do not show yet.
 */
class BigQuerySinkTaskTest {

  private static final TopicPartition P0 = new TopicPartition("events", 0);
  private static final String PROJECT = "test-project";
  private static final String DATASET = "analytics";
  private static final long MINUTE = 60_000L;
  private static final long T0 = 1_763_700_000_000L - 1_763_700_000_000L % MINUTE;

  private final MutableClock clock = new MutableClock();
  private final List<DedupAggregateSinkTask> started = new ArrayList<>();
  private FakeBigQuery fake;
  private RecordingSinkTaskContext context;

  @BeforeEach
  void startFake() {
    fake = FakeBigQuery.start();
  }

  @AfterEach
  void stop() {
    started.forEach(DedupAggregateSinkTask::stop);
    fake.close();
  }

  private Map<String, String> props() {
    Map<String, String> props = new HashMap<>(fake.connectorConfig(PROJECT, DATASET));
    props.put("name", "sink");
    props.put("bigquery.table", "events");
    props.put("bigquery.retry.initial-backoff.ms", "1");
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
    return props;
  }

  private DedupAggregateSinkTask start() {
    DedupAggregateSinkTask task = new DedupAggregateSinkTask(clock, Destinations::create);
    context = new RecordingSinkTaskContext(true);
    task.initialize(context);
    task.start(props());
    task.open(List.of(P0));
    started.add(task);
    return task;
  }

  private static SinkRecord event(long offset, int id) {
    Map<String, Object> value = new HashMap<>();
    value.put("event_id", "e" + id);
    value.put("region", id % 3 == 0 ? "eu" : "us");
    value.put("amount", new BigDecimal(id % 7 + ".25"));
    value.put("event_time", T0 + (id % 5) * MINUTE);
    return new SinkRecord("events", 0, null, "e" + id, null, value, offset, T0 + offset, null);
  }

  private static List<SinkRecord> events(long fromOffset, int count, int distinct) {
    List<SinkRecord> records = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      records.add(event(fromOffset + i, (int) ((fromOffset + i) % distinct)));
    }
    return records;
  }

  private void commit(DedupAggregateSinkTask task) {
    clock.advance(1000);
    task.put(List.of());
  }

  private List<String> eventIds() {
    List<String> ids = new ArrayList<>();
    fake.rows(PROJECT, DATASET, "events").forEach(r -> ids.add((String) r.get("event_id")));
    return ids;
  }

  /** Count and sum per (window start in micros, region), folded from the partial rows. */
  private Map<String, String> folded() {
    Map<String, Long> counts = new TreeMap<>();
    Map<String, BigDecimal> sums = new TreeMap<>();
    for (Map<String, Object> row : fake.rows(PROJECT, DATASET, "events_by_region")) {
      String key = row.get("window_start") + "/" + row.get("region");
      counts.merge(key, (Long) row.get("record_count"), Long::sum);
      sums.merge(key, (BigDecimal) row.get("sum_amount"), BigDecimal::add);
    }
    Map<String, String> result = new TreeMap<>();
    counts.forEach((k, c) -> result.put(k, c + " " + sums.get(k).stripTrailingZeros().toPlainString()));
    return result;
  }

  private static Map<String, String> truth(int distinctIds) {
    Map<String, Long> counts = new TreeMap<>();
    Map<String, BigDecimal> sums = new TreeMap<>();
    for (int id = 0; id < distinctIds; id++) {
      String key = (T0 + (id % 5) * MINUTE) * 1000 + "/" + (id % 3 == 0 ? "eu" : "us");
      counts.merge(key, 1L, Long::sum);
      sums.merge(key, new BigDecimal(id % 7 + ".25"), BigDecimal::add);
    }
    Map<String, String> result = new TreeMap<>();
    counts.forEach((k, c) -> result.put(k, c + " " + sums.get(k).stripTrailingZeros().toPlainString()));
    return result;
  }

  @Test
  void duplicatesAreDroppedAndAggregatesCountEachEventOnce() {
    DedupAggregateSinkTask task = start();
    task.put(events(0, 60, 40));
    commit(task);
    task.put(events(60, 30, 40));
    commit(task);

    assertThat(eventIds()).hasSize(40).doesNotHaveDuplicates();
    assertThat(folded()).isEqualTo(truth(40));
    assertThat(fake.resource(PROJECT, DATASET, "events_by_region_folded").getView().getQuery())
        .contains("SUM(`record_count`)", "SUM(`sum_amount`)");
  }

  @Test
  void aRestartedTaskRestoresItsDedupStateFromBigQuery() {
    DedupAggregateSinkTask first = start();
    for (int cycle = 0; cycle < 5; cycle++) { // more cycles than compact-after: a base file is written
      first.put(events(cycle * 10L, 10, 50));
      commit(first);
    }
    first.put(events(50, 10, 50)); // uncommitted when the task dies
    first.stop();

    DedupAggregateSinkTask second = start();
    assertThat(context.seeks).containsEntry(P0, 50L);
    second.put(events(40, 40, 50)); // redelivered 40..49, then 50..79: ids 0..29 repeat
    commit(second);

    assertThat(eventIds()).hasSize(50).doesNotHaveDuplicates();
    assertThat(folded()).isEqualTo(truth(50));
  }

  @Test
  void aCrashAfterTheLedgerRecordedACommitIsCompletedByTheNextTask() {
    DedupAggregateSinkTask first = start();
    first.put(events(0, 20, 100));
    commit(first);

    // The ledger records the next cycle, then committing its events stream fails for good (the
    // worker dies): the ledger is ahead of what the tables show.
    fake.failNext("BatchCommitWriteStreams", "events", Status.Code.PERMISSION_DENIED, 1);
    first.put(events(20, 20, 100));
    clock.advance(1000);
    assertThatThrownBy(() -> first.put(List.of())).hasMessageContaining("recorded in the ledger");
    assertThat(eventIds()).hasSize(20);
    first.stop();

    DedupAggregateSinkTask restarted = start();
    assertThat(context.seeks).containsEntry(P0, 40L);
    assertThat(eventIds()).as("completed on assignment").hasSize(40);
    restarted.put(events(30, 20, 100)); // redelivered 30..39 (skipped), then 40..49
    commit(restarted);

    assertThat(eventIds()).hasSize(50).doesNotHaveDuplicates();
    assertThat(folded()).isEqualTo(truth(50));
  }

  @Test
  void aRecordThatDoesNotFitGoesToTheDeadLetterQueueAndTheTaskCarriesOn() {
    DedupAggregateSinkTask task = start();
    List<SinkRecord> records = new ArrayList<>(events(0, 5, 100));
    Map<String, Object> wrongType = new HashMap<>();
    wrongType.put("event_id", "bad");
    wrongType.put("region", 42L);
    wrongType.put("event_time", T0);
    wrongType.put("amount", new BigDecimal("1.00"));
    records.add(new SinkRecord("events", 0, null, "bad", null, wrongType, 5, T0 + 5, null));
    records.addAll(events(6, 4, 100));
    task.put(records);
    commit(task);

    assertThat(eventIds()).hasSize(9).doesNotContain("bad");
    assertThat(context.errant).extracting(SinkRecord::kafkaOffset).containsExactly(5L);
    assertThat(context.errantReasons).singleElement().asString().contains("'region'", "STRING");
  }
}
