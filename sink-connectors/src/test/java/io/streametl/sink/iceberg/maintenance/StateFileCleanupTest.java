package io.streametl.sink.iceberg.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import io.streametl.sink.iceberg.IcebergCatalogs;
import io.streametl.sink.iceberg.IcebergDestination;
import io.streametl.sink.iceberg.OffsetLedger;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.types.Types;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which dedup state files the cleanup deletes, on a table on disk. */
class StateFileCleanupTest {

  private static final String REFERENCED = "events-0/10-base-00000000-0000-0000-0000-000000000001.seds";
  private static final String LEFT_BEHIND = "events-0/12-delta-00000000-0000-0000-0000-000000000002.seds";
  private static final String NOT_OURS = "events-0/notes.txt";

  @TempDir
  Path dir;
  private Table table;
  private final StateFileCleanup cleanup = new StateFileCleanup("sink");

  @BeforeEach
  void createTable() {
    Catalog catalog = IcebergCatalogs.load("streametl", Map.of("type", "jdbc",
        "uri", "jdbc:sqlite:" + dir.resolve("catalog.db"), "warehouse", dir.resolve("warehouse").toUri().toString()));
    ((SupportsNamespaces) catalog).createNamespace(Namespace.of("demo"));
    table = catalog.createTable(TableIdentifier.of("demo", "events"),
        new Schema(Types.NestedField.optional(1, "x", Types.LongType.get())));
  }

  private String location(String name) {
    return IcebergDestination.stateFolder(table, "sink") + name;
  }

  private void write(String name) throws IOException {
    try (OutputStream out = table.io().newOutputFile(location(name)).create()) {
      out.write("state".getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void withoutAStateFolderThereIsNothingToDo() {
    assertThat(cleanup.clean(table, Long.MAX_VALUE, 100)).isZero();
  }

  @Test
  void onlyOldUnreferencedFilesNamedAsTheSinkNamesThemAreDeleted() throws IOException {
    OffsetLedger ledger = new OffsetLedger("sink");
    table.newAppend()
        .set(ledger.summaryKey(), ledger.encode(Map.of(new TopicPartition("events", 0), 10L)))
        .set(ledger.stateKey(), ledger.encodeStates(Map.of(new TopicPartition("events", 0),
            "{\"dedup_files\":[\"" + REFERENCED + "\"]}")))
        .commit();
    write(REFERENCED);
    write(LEFT_BEHIND);
    write(NOT_OURS);

    assertThat(cleanup.clean(table, System.currentTimeMillis() - 3_600_000L, 100)).isZero(); // all too young

    assertThat(cleanup.clean(table, Long.MAX_VALUE, 100)).isEqualTo(1);
    assertThat(table.io().newInputFile(location(LEFT_BEHIND)).exists()).isFalse();
    assertThat(table.io().newInputFile(location(REFERENCED)).exists()).isTrue();
    assertThat(table.io().newInputFile(location(NOT_OURS)).exists()).isTrue();
  }
}
