package io.streametl.sink.bigquery;

import static io.streametl.sink.bigquery.FakeBigQueryFixture.DATASET;
import static io.streametl.sink.bigquery.FakeBigQueryFixture.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.services.bigquery.model.Table;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The retention of the ledger and state tables (docs/decisions/0008): both expire old day partitions,
 * and what a task needs to recover (its newest position and the state files it references) is written
 * again before it could expire, so recovery works after the fake has expired everything older.
 */
class BigQueryRetentionTest {

  static final TopicPartition P0 = new TopicPartition("events", 0);
  static final String FILE = "events-0/1-base-x.seds";
  static final String STATE = "{\"dedup_files\":[\"" + FILE + "\"],\"max_event_time\":{}}";

  FakeBigQuery fake;
  FakeBigQueryFixture fixture;
  final SettableClock clock = new SettableClock(Instant.parse("2026-01-01T12:00:00Z"));

  @BeforeEach
  void start() {
    fake = FakeBigQuery.start();
    fixture = new FakeBigQueryFixture(fake);
    fixture.clock = clock;
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void theLedgerAndStateTablesArePartitionedByCommitDayAndExpireAfterTheRetention() {
    try (BigQueryDestination destination = fixture.destination("sink", 0)) {
      destination.committedOffsets(List.of(P0));
    }
    for (String name : List.of("streametl_ledger", "streametl_state")) {
      Table table = fake.resource(PROJECT, DATASET, name);
      assertThat(table.getTimePartitioning().getField()).isEqualTo("committed_at");
      assertThat(table.getTimePartitioning().getType()).isEqualTo("DAY");
      assertThat(table.getTimePartitioning().getExpirationMs()).isEqualTo(Duration.ofDays(30).toMillis());
    }
  }

  @Test
  void recoveryWorksAfterOldPartitionsExpiredBecauseNeededRowsWereWrittenAgain() throws Exception {
    byte[] file = {1, 2, 3, 4, 5};
    try (BigQueryDestination destination = fixture.destination("sink", 0)) {
      destination.committedOffsets(List.of(P0));
      try (OutputStream out = destination.stateFiles().create(FILE)) {
        out.write(file);
      }
      destination.commit(Map.of(P0, 1L), Map.of(P0, STATE));
      // The partition stays idle; the offsets refresh records its unchanged position every day.
      for (int day = 1; day <= 40; day++) {
        clock.advance(Duration.ofDays(1));
        destination.refresh(Map.of(P0, 1L), Map.of(P0, STATE));
      }
    }
    int ledgerRowsBefore = fake.rows(PROJECT, DATASET, "streametl_ledger").size();

    int deleted = fake.expirePartitions(clock.instant());

    assertThat(deleted).isGreaterThan(0);
    List<Map<String, Object>> ledger = fake.rows(PROJECT, DATASET, "streametl_ledger");
    assertThat(ledger.size()).isLessThan(ledgerRowsBefore).isLessThanOrEqualTo(31); // bounded by the retention
    try (BigQueryDestination next = fixture.destination("sink", 1)) {
      assertThat(next.committedOffsets(List.of(P0))).containsEntry(P0, 1L);
      assertThat(next.committedStates(List.of(P0))).containsEntry(P0, STATE);
      try (InputStream in = next.stateFiles().open(FILE)) {
        assertThat(in.readAllBytes()).isEqualTo(file); // the first copy expired; a renewed one is there
      }
    }
  }

  @Test
  void stateFilesYoungerThanTheRenewalAgeAreNotWrittenAgain() throws Exception {
    try (BigQueryDestination destination = fixture.destination("sink", 0)) {
      destination.committedOffsets(List.of(P0));
      try (OutputStream out = destination.stateFiles().create(FILE)) {
        out.write(7);
      }
      destination.commit(Map.of(P0, 1L), Map.of(P0, STATE));
      clock.advance(Duration.ofDays(14)); // less than (30d - 1d) / 2
      destination.refresh(Map.of(P0, 1L), Map.of(P0, STATE));
      assertThat(fake.rows(PROJECT, DATASET, "streametl_state")).hasSize(1);
      clock.advance(Duration.ofDays(1));
      destination.refresh(Map.of(P0, 1L), Map.of(P0, STATE));
      assertThat(fake.rows(PROJECT, DATASET, "streametl_state")).hasSize(2);
    }
  }

  @Test
  void anExistingExpirationIsLengthenedButNeverShortened() {
    fixture.retention = Duration.ofDays(60);
    try (BigQueryDestination destination = fixture.destination("sink", 0)) {
      destination.committedOffsets(List.of(P0));
    }
    fixture.retention = Duration.ofDays(10); // another connector sharing the tables, keeping less
    try (BigQueryDestination destination = fixture.destination("other", 0)) {
      destination.committedOffsets(List.of(P0));
    }
    assertThat(fake.resource(PROJECT, DATASET, "streametl_ledger").getTimePartitioning().getExpirationMs())
        .isEqualTo(Duration.ofDays(60).toMillis());
    fixture.retention = Duration.ofDays(90);
    try (BigQueryDestination destination = fixture.destination("third", 0)) {
      destination.committedOffsets(List.of(P0));
    }
    assertThat(fake.resource(PROJECT, DATASET, "streametl_state").getTimePartitioning().getExpirationMs())
        .isEqualTo(Duration.ofDays(90).toMillis());
  }

  @Test
  void anUnpartitionedStateTableOfAnEarlierVersionGainsTheCommitTimeColumnsAndKeepsWorking() throws Exception {
    BigQueryTables tables = new BigQueryTables(BigQueryClients.rest(fixture.settings(),
        com.google.cloud.NoCredentials.getInstance()), new Retrier(fixture.settings().retry(), d -> { }));
    tables.ensureDataset(PROJECT, DATASET, "US");
    com.google.cloud.bigquery.Schema legacy = com.google.cloud.bigquery.Schema.of(
        StateTableFiles.SCHEMA.getFields().subList(0, 5));
    tables.ensure(FakeBigQueryFixture.table("streametl_state"), legacy, StateTableFiles.CLUSTERING);
    try (BigQueryDestination destination = fixture.destination("sink", 0)) {
      destination.committedOffsets(List.of(P0));
      try (OutputStream out = destination.stateFiles().create(FILE)) {
        out.write(9);
      }
      destination.commit(Map.of(P0, 1L), Map.of(P0, STATE));
    }
    assertThat(fake.resource(PROJECT, DATASET, "streametl_state").getTimePartitioning()).isNull();
    assertThat(fake.schema(PROJECT, DATASET, "streametl_state")).extracting(f -> f.getName())
        .contains("committed_at", "committed_at_micros");
    try (BigQueryDestination next = fixture.destination("sink", 1)) {
      next.committedOffsets(List.of(P0));
      try (InputStream in = next.stateFiles().open(FILE)) {
        assertThat(in.readAllBytes()).containsExactly(9);
      }
    }
  }

  /** A clock tests move forward. */
  static final class SettableClock extends Clock {
    private Instant now;

    SettableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
