package io.streametl.sink.bigquery;

import static io.streametl.sink.bigquery.FakeBigQueryFixture.DATASET;
import static io.streametl.sink.bigquery.FakeBigQueryFixture.PROJECT;
import static io.streametl.sink.bigquery.FakeBigQueryFixture.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TableFieldSchema;
import io.streametl.sink.ConcurrentCommitException;
import io.streametl.sink.ErrantRecordReporting;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The BigQuery destination against {@link FakeBigQuery}: tables, commits, resume, state, errors. */
class BigQueryDestinationTest {

  static final TopicPartition P0 = new TopicPartition("events", 0);

  FakeBigQuery fake;
  FakeBigQueryFixture fixture;
  final List<SinkRecord> deadLetters = new ArrayList<>();
  final List<String> deadLetterReasons = new ArrayList<>();

  @BeforeEach
  void start() {
    fake = FakeBigQuery.start();
    fixture = new FakeBigQueryFixture(fake);
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  ErrantRecordReporting recordingDlq() {
    return new ErrantRecordReporting() {
      @Override
      public void report(SinkRecord record, RuntimeException reason) {
        deadLetters.add(record);
        deadLetterReasons.add(reason.getMessage());
      }

      @Override
      public void awaitReported() {}
    };
  }

  @Test
  void commitsRowsWithTheOffsetsAndANewTaskResumesFromTheLedger() {
    try (BigQueryDestination destination = fixture.destination("sink-a", 0)) {
      assertThat(destination.committedOffsets(List.of(P0))).isEmpty();
      for (long offset = 0; offset < 3; offset++) {
        destination.write(record(0, offset));
      }
      destination.commit(Map.of(P0, 3L), Map.of(P0, "{\"max_event_time\":{}}"));
    }
    assertThat(fixture.eventIds()).containsExactly("e-0-0", "e-0-1", "e-0-2");
    assertThat(fake.rows(PROJECT, DATASET, "events").get(0).get("amount")).isEqualTo(new BigDecimal("12.30"));

    try (BigQueryDestination next = fixture.destination("sink-a", 1)) {
      assertThat(next.committedOffsets(List.of(P0))).containsEntry(P0, 3L);
      assertThat(next.committedStates(List.of(P0))).containsEntry(P0, "{\"max_event_time\":{}}");
    }
    try (BigQueryDestination otherConnector = fixture.destination("sink-b", 0)) {
      assertThat(otherConnector.committedOffsets(List.of(P0))).as("offsets are per connector").isEmpty();
    }
  }

  @Test
  void theCheckBeforeEachCommitReadsNoLedgerRowsWhileNobodyElseWrites() {
    try (BigQueryDestination destination = fixture.destination("it's \\ sink", 0)) {
      destination.committedOffsets(List.of(P0));
      for (long cycle = 0; cycle < 30; cycle++) {
        destination.write(record(0, cycle));
        destination.commit(Map.of(P0, cycle + 1), Map.of());
      }
      long before = fake.rowsRead();
      destination.write(record(0, 30));
      destination.commit(Map.of(P0, 31L), Map.of());
      assertThat(fake.rowsRead() - before).as("ledger rows read by the 31st commit").isZero();
    }
    try (BigQueryDestination next = fixture.destination("it's \\ sink", 1)) {
      long before = fake.rowsRead();
      assertThat(next.committedOffsets(List.of(P0))).containsEntry(P0, 31L);
      assertThat(fake.rowsRead() - before).as("a day of positions of one partition, and one stream row")
          .isEqualTo(31 + 1);
    }
    assertThat(fake.rows(PROJECT, DATASET, "streametl_ledger")).hasSize(31 * 2);
  }

  @Test
  void aPositionOlderThanTheReadWindowsIsStillFound() {
    TopicPartition p1 = new TopicPartition("events", 1);
    Instant start = Instant.parse("2026-11-01T00:00:00Z");
    fixture.clock = java.time.Clock.fixed(start, java.time.ZoneOffset.UTC);
    try (BigQueryDestination old = fixture.destination("sink", 0)) {
      old.committedOffsets(List.of(P0, p1));
      old.write(record(0, 0));
      old.commit(Map.of(P0, 1L, p1, 7L), Map.of());
    }
    fixture.clock = java.time.Clock.fixed(start.plus(java.time.Duration.ofDays(3)), java.time.ZoneOffset.UTC);
    try (BigQueryDestination recent = fixture.destination("sink", 0)) {
      recent.committedOffsets(List.of(P0));
      recent.write(record(0, 1));
      recent.commit(Map.of(P0, 2L), Map.of());
    }
    try (BigQueryDestination next = fixture.destination("sink", 1)) {
      assertThat(next.committedOffsets(List.of(P0, p1))).containsEntry(P0, 2L).containsEntry(p1, 7L);
    }
  }

  @Test
  void createsTheDatasetAndAPartitionedClusteredTableFromTheFirstRecord() {
    try (BigQueryDestination destination = fixture.destination("sink", 0)) {
      destination.committedOffsets(List.of(P0));
      destination.write(record(0, 0));
      destination.commit(Map.of(P0, 1L), Map.of());
    }
    Table events = fake.resource(PROJECT, DATASET, "events");
    assertThat(events.getTimePartitioning().getType()).isEqualTo("DAY");
    assertThat(events.getTimePartitioning().getField()).isEqualTo("event_time");
    assertThat(events.getClustering().getFields()).containsExactly("region");
    assertThat(events.getSchema().getFields()).extracting(TableFieldSchema::getName, TableFieldSchema::getType,
            TableFieldSchema::getMode)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("event_id", "STRING", "NULLABLE"),
            org.assertj.core.groups.Tuple.tuple("region", "STRING", "NULLABLE"),
            org.assertj.core.groups.Tuple.tuple("amount", "NUMERIC", "NULLABLE"),
            org.assertj.core.groups.Tuple.tuple("event_time", "TIMESTAMP", "NULLABLE"));
    assertThat(fake.exists(PROJECT, DATASET, "streametl_ledger")).isTrue();
    assertThat(fake.exists(PROJECT, DATASET, "streametl_state")).isTrue();
  }

  @Test
  void aNewFieldBecomesANullableColumnAndTheRowIsWrittenAfterTheUpdate() {
    Schema v2 = SchemaBuilder.struct().name("Event2")
        .field("event_id", Schema.STRING_SCHEMA)
        .field("event_time", org.apache.kafka.connect.data.Timestamp.SCHEMA)
        .field("device", SchemaBuilder.struct().field("os", Schema.STRING_SCHEMA).build())
        .field("tags", SchemaBuilder.array(Schema.STRING_SCHEMA).build())
        .build();
    Struct value = new Struct(v2).put("event_id", "new").put("event_time", new Date(1_763_700_000_000L))
        .put("device", new Struct(v2.field("device").schema()).put("os", "ios")).put("tags", List.of("a", "b"));
    try (BigQueryDestination destination = fixture.destination("sink", 0)) {
      destination.committedOffsets(List.of(P0));
      destination.write(record(0, 0));
      destination.commit(Map.of(P0, 1L), Map.of());
      // BigQuery may hand out streams with the old schema for a while after an update: the sink waits.
      fake.delaySchemaPropagation(2);
      destination.write(new SinkRecord("events", 0, null, null, v2, value, 1));
      destination.commit(Map.of(P0, 2L), Map.of());
    }
    List<TableFieldSchema> schema = fake.schema(PROJECT, DATASET, "events");
    assertThat(schema).extracting(TableFieldSchema::getName)
        .containsExactly("event_id", "region", "amount", "event_time", "device", "tags");
    assertThat(schema.get(5).getMode()).isEqualTo("REPEATED");
    Map<String, Object> row = fake.rows(PROJECT, DATASET, "events").get(1);
    assertThat(row).containsEntry("event_id", "new").containsEntry("device", Map.of("os", "ios"))
        .containsEntry("tags", List.of("a", "b")).doesNotContainKey("region");
    assertThat(fixture.sleeps).as("the stale streams were retried after a backoff").hasSize(2);
  }

  @Test
  void anIncompatibleTypeIsADataExceptionNamingTheColumnAndTheTableIsUnchanged() {
    try (BigQueryDestination destination = fixture.destination("sink", 0)) {
      destination.committedOffsets(List.of(P0));
      destination.write(record(0, 0));
      Map<String, Object> wrong = new LinkedHashMap<>();
      wrong.put("event_id", "x");
      wrong.put("amount", "twelve");
      assertThatThrownBy(() -> destination.write(new SinkRecord("events", 0, null, null, null, wrong, 1)))
          .isInstanceOf(DataException.class).hasMessageContaining("'amount'").hasMessageContaining("NUMERIC")
          .hasMessageNotContaining("twelve");
      destination.commit(Map.of(P0, 2L), Map.of());
    }
    assertThat(fixture.eventIds()).containsExactly("e-0-0");
    assertThat(fake.schema(PROJECT, DATASET, "events")).hasSize(4);
  }

  @Test
  void aFirstRecordWhosePartitionColumnIsNotATimeGoesToTheDeadLetterQueueAndTheNextCreatesTheTable() {
    try (BigQueryDestination destination = fixture.destination("sink", 0)) {
      destination.committedOffsets(List.of(P0));
      Map<String, Object> textTime = Map.of("event_id", "x", "event_time", "2026-11-21T10:00:00Z");
      assertThatThrownBy(() -> destination.write(new SinkRecord("events", 0, null, null, null, textTime, 0)))
          .isInstanceOf(DataException.class).hasMessageContaining("'event_time' field is a STRING");
      destination.write(record(0, 1));
      destination.commit(Map.of(P0, 2L), Map.of());
    }
    assertThat(fixture.eventIds()).containsExactly("e-0-1");
  }

  @Test
  void withoutSchemaEvolutionANewFieldIsADataException() {
    fixture.evolve = false;
    try (BigQueryDestination destination = fixture.destination("sink", 0)) {
      destination.committedOffsets(List.of(P0));
      destination.write(record(0, 0));
      Map<String, Object> extra = Map.of("event_id", "x", "color", "red");
      assertThatThrownBy(() -> destination.write(new SinkRecord("events", 0, null, null, null, extra, 1)))
          .isInstanceOf(DataException.class).hasMessageContaining("'color' has no column");
    }
  }

  @Test
  void rowsBigQueryRejectsGoToTheDeadLetterQueueAndTheOthersAreCommitted() {
    try (BigQueryDestination destination = fixture.destination("sink", 0)) {
      destination.reportErrantRecordsTo(recordingDlq());
      destination.committedOffsets(List.of(P0));
      destination.write(record(0, 0));
      // Year 10000: the encoder passes it on, BigQuery answers with a row error.
      SinkRecord tooFar = new SinkRecord("events", 0, null, "far", FakeBigQueryFixture.EVENT,
          FakeBigQueryFixture.event("far", 253_402_300_800_000L), 1);
      destination.write(tooFar);
      destination.write(record(0, 2));
      destination.commit(Map.of(P0, 3L), Map.of());
    }
    assertThat(fixture.eventIds()).containsExactly("e-0-0", "e-0-2");
    assertThat(deadLetters).containsExactly(
        new SinkRecord("events", 0, null, "far", FakeBigQueryFixture.EVENT,
            FakeBigQueryFixture.event("far", 253_402_300_800_000L), 1));
    assertThat(deadLetterReasons).singleElement().asString().contains("sink.events").contains("out of range");
  }

  @Test
  void appendsAreSplitUnderTheRequestSizeCap() {
    fixture.maxRequestBytes = 4096;
    try (BigQueryDestination destination = fixture.destination("sink", 0)) {
      destination.committedOffsets(List.of(P0));
      for (long offset = 0; offset < 300; offset++) {
        destination.write(record(0, offset));
      }
      destination.commit(Map.of(P0, 300L), Map.of());
    }
    assertThat(fixture.eventIds()).hasSize(300).doesNotHaveDuplicates();
    assertThat(fake.largestAppendRequestBytes()).isLessThanOrEqualTo(4096);
    assertThat(fake.appendRequests()).as("several requests for the rows, one for the ledger").isGreaterThanOrEqualTo(5);
  }

  @Test
  void retryableFailuresAreRetriedWithGrowingBackoffAndWriteNothingTwice() {
    try (BigQueryDestination destination = fixture.destination("sink", 0)) {
      destination.committedOffsets(List.of(P0));
      destination.write(record(0, 0));
      destination.write(record(0, 1));
      fake.failNext("AppendRows", "events", io.grpc.Status.Code.UNAVAILABLE, 1);
      fake.failNext("AppendRows", "events", io.grpc.Status.Code.RESOURCE_EXHAUSTED, 1);
      fake.loseResponseOfNext("AppendRows", "events", 1);   // written, then the response is lost
      fake.failNext("CreateWriteStream", "events", io.grpc.Status.Code.INTERNAL, 1);
      fake.loseResponseOfNext("BatchCommitWriteStreams", "streametl_ledger", 1);
      destination.commit(Map.of(P0, 2L), Map.of());
    }
    assertThat(fake.injectedFailures()).isEqualTo(5);
    assertThat(fixture.sleeps).hasSize(5);
    assertThat(fixture.eventIds()).containsExactly("e-0-0", "e-0-1");
    try (BigQueryDestination next = fixture.destination("sink", 0)) {
      assertThat(next.committedOffsets(List.of(P0))).containsEntry(P0, 2L);
    }
  }

  @Test
  void restAndReadErrorsAreRetriedAndALostStreamCommitIsHarmless() {
    try (BigQueryDestination destination = fixture.destination("sink", 0)) {
      fake.failNextRest("GET", "/tables/streametl_ledger", 503, 2);
      fake.failNext("CreateReadSession", "streametl_ledger", io.grpc.Status.Code.UNAVAILABLE, 1);
      assertThat(destination.committedOffsets(List.of(P0))).isEmpty();
      destination.write(record(0, 0));
      fake.loseResponseOfNext("BatchCommitWriteStreams", "events", 1); // committed, then the answer is lost
      destination.commit(Map.of(P0, 1L), Map.of());
    }
    assertThat(fixture.sleeps).hasSize(4);
    assertThat(fixture.eventIds()).containsExactly("e-0-0");
  }

  @Test
  void afterBoundedRetriesTheCommitFailsNamingTheTableAndNothingMoves() {
    fixture.maxAttempts = 3;
    try (BigQueryDestination destination = fixture.destination("sink", 0)) {
      destination.committedOffsets(List.of(P0));
      destination.write(record(0, 0));
      fake.failNext("AppendRows", "events", io.grpc.Status.Code.UNAVAILABLE, 10);
      assertThatThrownBy(() -> destination.commit(Map.of(P0, 1L), Map.of()))
          .isInstanceOf(ConnectException.class)
          .hasMessageContaining("test-project.sink.events").hasMessageContaining("3 times");
    }
    assertThat(fixture.sleeps).hasSize(2);
    assertThat(fixture.sleeps.get(1)).isGreaterThanOrEqualTo(java.time.Duration.ofMillis(100));
    assertThat(fixture.eventIds()).isEmpty();
    try (BigQueryDestination next = fixture.destination("sink", 0)) {
      assertThat(next.committedOffsets(List.of(P0))).isEmpty();
    }
  }

  @Test
  void aConcurrentWriterIsDetectedAndItsRowsAreNeverVisible() {
    try (BigQueryDestination zombie = fixture.destination("sink", 0);
        BigQueryDestination owner = fixture.destination("sink", 1)) {
      zombie.committedOffsets(List.of(P0));
      owner.committedOffsets(List.of(P0));
      owner.write(record(0, 0));
      owner.commit(Map.of(P0, 1L), Map.of());
      zombie.write(record(0, 0));
      assertThatThrownBy(() -> zombie.commit(Map.of(P0, 1L), Map.of()))
          .isInstanceOfSatisfying(ConcurrentCommitException.class,
              e -> assertThat(e.actualOffsets()).containsEntry(P0, 1L));
    }
    assertThat(fixture.eventIds()).containsExactly("e-0-0");
  }

  @Test
  void dedupStateFilesRoundTripThroughTheStateTableInChunks() throws Exception {
    byte[] file = new byte[StateTableFiles.CHUNK_BYTES * 2 + 12345];
    new Random(7).nextBytes(file);
    String state = "{\"dedup_files\":[\"events-0/1-base.seds\"],\"max_event_time\":{}}";
    try (BigQueryDestination destination = fixture.destination("sink", 0)) {
      destination.committedOffsets(List.of(P0));
      try (OutputStream out = destination.stateFiles().create("events-0/1-base.seds")) {
        out.write(file);
      }
      try (OutputStream out = destination.stateFiles().create("rolled-back.seds")) {
        out.write(1);
      }
      destination.stateFiles().delete("rolled-back.seds");
      destination.commit(Map.of(P0, 1L), Map.of(P0, state));
    }
    assertThat(fake.rows(PROJECT, DATASET, "streametl_state")).hasSize(3)
        .allSatisfy(r -> assertThat(r).containsEntry("file_name", "events-0/1-base.seds"));
    try (BigQueryDestination next = fixture.destination("sink", 3)) {
      next.committedOffsets(List.of(P0));
      assertThat(next.committedStates(List.of(P0))).containsEntry(P0, state);
      try (InputStream in = next.stateFiles().open("events-0/1-base.seds")) {
        assertThat(in.readAllBytes()).isEqualTo(file);
      }
    }
  }

  @Test
  void partialRowsGoToTheAggregatesTableWithAFoldView() {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("window_start", Instant.parse("2026-11-21T10:00:00Z"));
    row.put("window_end", Instant.parse("2026-11-21T10:01:00Z"));
    row.put("region", "eu");
    row.put("record_count", 2L);
    row.put("sum_amount", new BigDecimal("24.60"));
    row.put("max_amount", new BigDecimal("12.30"));
    try (BigQueryDestination destination = fixture.destination("sink", 0)) {
      destination.committedOffsets(List.of(P0));
      destination.write(record(0, 0));
      destination.writeAggregateRows("per_minute", List.of(row, new HashMap<>(row)));
      destination.commit(Map.of(P0, 1L), Map.of());
    }
    assertThat(fake.rows(PROJECT, DATASET, "events_per_minute")).hasSize(2);
    Table partials = fake.resource(PROJECT, DATASET, "events_per_minute");
    assertThat(partials.getTimePartitioning().getField()).isEqualTo("window_start");
    assertThat(partials.getClustering().getFields()).containsExactly("region");
    Table view = fake.resource(PROJECT, DATASET, "events_per_minute_folded");
    assertThat(view.getView().getQuery())
        .contains("SUM(`record_count`) AS `record_count`", "SUM(`sum_amount`)", "MAX(`max_amount`)",
            "FROM `test-project.sink.events_per_minute`", "GROUP BY `window_start`, `window_end`, `region`");
  }

  @Test
  void distinctSketchesAreBigQueryHllPlusPlusInABytesColumnThatTheFoldViewMerges() {
    Map<String, String> props = new HashMap<>();
    props.put("aggregations", "per_minute");
    props.put("aggregation.per_minute.window", "tumbling:1m");
    props.put("aggregation.per_minute.time-field", "event_time");
    props.put("aggregation.per_minute.metrics", "count,approx_distinct(user_id):string");
    List<io.streametl.sink.state.aggregate.AggregationSpec> specs =
        io.streametl.sink.state.aggregate.AggregationConfig.parse(props);
    try (BigQueryDestination destination = fixture.destination("sink", 0, specs)) {
      destination.committedOffsets(List.of(P0));
      // Two cycles' partial rows of one window, as the task builds them with the destination's format.
      for (int cycle = 0; cycle < 2; cycle++) {
        io.streametl.sink.state.aggregate.WindowAggregator aggregator = new io.streametl.sink.state.aggregate
            .WindowAggregator(specs.get(0), Long.MIN_VALUE, destination.sketchFormat());
        for (int user = cycle * 50; user < cycle * 50 + 100; user++) {
          aggregator.add(Map.of("event_time", 60_000L, "user_id", "u" + user), null);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (io.streametl.sink.state.aggregate.PartialRow partial : aggregator.partialRows()) {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("window_start", partial.windowStart());
          row.put("window_end", partial.windowEnd());
          row.put("record_count", partial.metricValues().get(0));
          row.put("approx_distinct_user_id", partial.metricValues().get(1));
          rows.add(row);
        }
        destination.writeAggregateRows("per_minute", rows);
        destination.commit(Map.of(P0, cycle + 1L), Map.of());
      }
    }
    TableFieldSchema column = fake.schema(PROJECT, DATASET, "events_per_minute").stream()
        .filter(f -> f.getName().equals("approx_distinct_user_id")).findFirst().orElseThrow();
    assertThat(column.getType()).isEqualTo("BYTES");
    // HLL_COUNT.MERGE over the stored rows: 150 distinct users over two rows that share 50.
    List<Map<String, Object>> stored = fake.rows(PROJECT, DATASET, "events_per_minute");
    com.google.zetasketch.HyperLogLogPlusPlus<?> merged = null;
    for (Map<String, Object> row : stored) {
      byte[] sketch = (byte[]) row.get("approx_distinct_user_id");
      if (merged == null) {
        merged = com.google.zetasketch.HyperLogLogPlusPlus.forProto(sketch);
      } else {
        merged.merge(sketch);
      }
    }
    assertThat(stored).hasSize(2);
    assertThat(merged.longResult()).isEqualTo(150);
    assertThat(fake.resource(PROJECT, DATASET, "events_per_minute_folded").getView().getQuery())
        .contains("HLL_COUNT.MERGE(IF(STARTS_WITH(`approx_distinct_user_id`, b'\\x08\\x70'), "
            + "`approx_distinct_user_id`, NULL))) AS `approx_distinct_user_id`");
  }
}
