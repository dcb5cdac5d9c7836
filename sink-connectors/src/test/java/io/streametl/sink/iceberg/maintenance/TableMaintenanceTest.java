package io.streametl.sink.iceberg.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import io.streametl.sink.iceberg.OffsetLedger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.inmemory.InMemoryCatalog;
import org.apache.iceberg.types.Types;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which snapshots expiry keeps, on in-memory tables whose snapshots carry offsets as the sink
 * writes them: the rules of docs/decisions/0005, one by one.
 */
class TableMaintenanceTest {

  private static final TopicPartition A0 = new TopicPartition("a", 0);
  private static final TopicPartition A1 = new TopicPartition("a", 1);
  private static final TableIdentifier ANCHOR = TableIdentifier.of("db", "events");
  private static final TableIdentifier OTHER = TableIdentifier.of("db", "events_by_region");

  private final OffsetLedger sink = new OffsetLedger("sink");
  private final OffsetLedger other = new OffsetLedger("other");
  private InMemoryCatalog catalog;
  private Table anchor;
  private Table aggregates;

  @BeforeEach
  void createTables() {
    catalog = new InMemoryCatalog();
    catalog.initialize("mem", Map.of());
    catalog.createNamespace(Namespace.of("db"));
    Schema schema = new Schema(Types.NestedField.optional(1, "x", Types.LongType.get()));
    anchor = catalog.createTable(ANCHOR, schema);
    aggregates = catalog.createTable(OTHER, schema);
  }

  /** A commit without rows recording offsets, in a millisecond of its own so commit times differ. */
  private static long record(Table table, OffsetLedger ledger, Map<TopicPartition, Long> offsets) {
    long now = System.currentTimeMillis();
    while (System.currentTimeMillis() == now) {
      Thread.onSpinWait();
    }
    var append = table.newAppend();
    if (ledger != null) {
      append.set(ledger.summaryKey(), ledger.encode(offsets));
    }
    append.commit();
    return table.currentSnapshot().snapshotId();
  }

  private static MaintenanceSettings settings(ForgottenOffsets forgotten) {
    return new MaintenanceSettings(true, Duration.ofHours(1), Duration.ofMinutes(1), Duration.ofHours(1), 1,
        Duration.ofMinutes(30), forgotten, false, 5, Duration.ofHours(1), OptionalLong.empty(), 1000, 1L << 30);
  }

  /** Runs maintenance two days from now, when every snapshot is past the maximum age. */
  private void runTwoDaysLater(ForgottenOffsets forgotten) {
    TableMaintenance maintenance = TableMaintenance.forTask(0, settings(forgotten), catalog, "sink", ANCHOR,
        Set.of(OTHER), Map.of(), false).orElseThrow();
    maintenance.run(Clock.fixed(Instant.now().plus(Duration.ofDays(2)), ZoneOffset.UTC));
    assertThat(maintenance.stats().failures()).isZero();
  }

  private Set<Long> snapshotIds(Table table) {
    table.refresh();
    Set<Long> ids = new java.util.HashSet<>();
    for (Snapshot snapshot : table.snapshots()) {
      ids.add(snapshot.snapshotId());
    }
    return ids;
  }

  @Test
  void theAnchorKeepsTheNewestSnapshotOfEveryPartitionAndEveryOneAfterIt() {
    long s0 = record(anchor, null, Map.of());
    long s1 = record(anchor, sink, Map.of(A0, 1L));
    long s2 = record(anchor, sink, Map.of(A1, 1L));
    long s3 = record(anchor, sink, Map.of(A0, 2L));
    long s4 = record(anchor, sink, Map.of(A0, 3L));

    runTwoDaysLater(ForgottenOffsets.none());

    assertThat(snapshotIds(anchor)).containsExactlyInAnyOrder(s2, s3, s4).doesNotContain(s0, s1);
    assertThat(sink.committedOffsets(anchor, List.of(A0, A1))).isEqualTo(Map.of(A0, 3L, A1, 1L));
  }

  @Test
  void anotherConnectorsOffsetsStayUntilThatConnectorIsForgotten() {
    long s1 = record(anchor, other, Map.of(A0, 7L));
    record(anchor, sink, Map.of(A0, 1L));
    record(anchor, sink, Map.of(A0, 2L));

    runTwoDaysLater(ForgottenOffsets.none());
    assertThat(snapshotIds(anchor)).hasSize(3).contains(s1);

    runTwoDaysLater(ForgottenOffsets.parse(List.of("connector=other")));
    assertThat(snapshotIds(anchor)).hasSize(1).doesNotContain(s1);
    assertThat(sink.committedOffsets(anchor, List.of(A0))).isEqualTo(Map.of(A0, 2L));
  }

  @Test
  void anotherTablesOffsetsHoldItsSnapshotsOnlyWhileTheyAreAheadOfTheAnchor() {
    record(anchor, sink, Map.of(A0, 10L, A1, 10L));
    long t1 = record(aggregates, sink, Map.of(A0, 5L));
    long t2 = record(aggregates, sink, Map.of(A1, 20L));  // committed here, not yet to the anchor
    long t3 = record(aggregates, sink, Map.of(A0, 8L));   // behind the anchor's 10: not needed

    runTwoDaysLater(ForgottenOffsets.none());

    assertThat(snapshotIds(aggregates)).containsExactlyInAnyOrder(t2, t3).doesNotContain(t1);
    assertThat(sink.committedOffsets(aggregates, List.of(A1))).isEqualTo(Map.of(A1, 20L));
  }

  @Test
  void forgottenPartitionsNoLongerHoldExpiryBack() {
    long s1 = record(anchor, sink, Map.of(A0, 1L, A1, 1L));
    record(anchor, sink, Map.of(A0, 2L));

    runTwoDaysLater(ForgottenOffsets.parse(List.of("a:1")));

    assertThat(snapshotIds(anchor)).hasSize(1).doesNotContain(s1);
    assertThat(sink.committedOffsets(anchor, List.of(A0, A1))).isEqualTo(Map.of(A0, 2L));
  }
}
