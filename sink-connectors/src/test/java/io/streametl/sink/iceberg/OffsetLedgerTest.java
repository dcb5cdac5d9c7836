package io.streametl.sink.iceberg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.DataOperations;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.inmemory.InMemoryCatalog;
import org.apache.iceberg.types.Types;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OffsetLedgerTest {

  private static final TopicPartition A0 = new TopicPartition("a", 0);
  private static final TopicPartition A1 = new TopicPartition("a", 1);
  private static final TopicPartition B0 = new TopicPartition("b.with.dots", 0);

  private final OffsetLedger ledger = new OffsetLedger("sink");
  private Table table;

  @BeforeEach
  void createTable() {
    InMemoryCatalog catalog = new InMemoryCatalog();
    catalog.initialize("mem", Map.of());
    catalog.createNamespace(org.apache.iceberg.catalog.Namespace.of("db"));
    table = catalog.createTable(TableIdentifier.of("db", "t"),
        new Schema(Types.NestedField.optional(1, "x", Types.LongType.get())));
  }

  private void commit(String key, String value) {
    table.newAppend().set(key, value).commit();
  }

  @Test
  void encodingRoundTripsTopicsWithDots() {
    Map<TopicPartition, Long> offsets = Map.of(A0, 5L, A1, 7L, B0, 9L);

    assertThat(ledger.decode(ledger.encode(offsets), 1L)).isEqualTo(offsets);
  }

  @Test
  void eachPartitionResumesFromTheNewestSnapshotThatRecordsIt() {
    commit(ledger.summaryKey(), ledger.encode(Map.of(A0, 10L)));   // task 0
    commit(ledger.summaryKey(), ledger.encode(Map.of(A1, 20L)));   // task 1
    commit(ledger.summaryKey(), ledger.encode(Map.of(A0, 30L)));   // task 0 again
    commit("streametl.kafka-offsets.other", ledger.encode(Map.of(A1, 99L))); // another connector
    table.newAppend().commit();                                     // a commit without offsets

    assertThat(ledger.committedOffsets(table, List.of(A0, A1, B0))).isEqualTo(Map.of(A0, 30L, A1, 20L));
  }

  @Test
  void aCompactionsRewriteSnapshotCarriesNoOffsetsAndTheWalkPassesOverIt() {
    DataFile small1 = dataFile("a.parquet");
    DataFile small2 = dataFile("b.parquet");
    table.newAppend().appendFile(small1)
        .set(ledger.summaryKey(), ledger.encode(Map.of(A0, 10L)))
        .set(ledger.stateKey(), ledger.encodeStates(Map.of(A0, "{\"dedup_files\":[\"a-0/10-base.seds\"]}")))
        .commit();
    table.newAppend().appendFile(small2).set(ledger.summaryKey(), ledger.encode(Map.of(A1, 20L))).commit();

    table.newRewrite()
        .validateFromSnapshot(table.currentSnapshot().snapshotId())
        .rewriteFiles(Set.of(small1, small2), Set.of(dataFile("compacted.parquet")))
        .commit();

    assertThat(table.currentSnapshot().operation()).isEqualTo(DataOperations.REPLACE);
    assertThat(table.currentSnapshot().summary()).doesNotContainKeys(ledger.summaryKey(), ledger.stateKey());
    assertThat(ledger.committed(table, List.of(A0, A1))).isEqualTo(Map.of(
        A0, new OffsetLedger.Committed(10L, "{\"dedup_files\":[\"a-0/10-base.seds\"]}"),
        A1, new OffsetLedger.Committed(20L, null)));
  }

  private static DataFile dataFile(String name) {
    return DataFiles.builder(PartitionSpec.unpartitioned())
        .withPath("/warehouse/db/t/data/" + name).withFileSizeInBytes(100).withRecordCount(1).build();
  }

  @Test
  void aDamagedEntryStopsTheTaskInsteadOfGuessing() {
    commit(ledger.summaryKey(), "{not json");

    assertThatThrownBy(() -> ledger.committedOffsets(table, List.of(A0)))
        .isInstanceOf(ConnectException.class)
        .hasMessageContaining("cannot resume safely");
  }

  @Test
  void anEmptyTableHasNoOffsets() {
    assertThat(ledger.committedOffsets(table, List.of(A0))).isEmpty();
  }
}
