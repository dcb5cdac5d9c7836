package io.streametl.sink.iceberg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.jdbc.UncheckedSQLException;
import org.apache.iceberg.types.Types;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Routing, schema evolution and the two-phase (anchor last) commit, on real tables on disk. */
class IcebergDestinationTest {

  private static final TopicPartition P0 = new TopicPartition("events", 0);
  private static final TopicPartition P1 = new TopicPartition("events", 1);
  private static final TableIdentifier ALL = TableIdentifier.of("demo", "events");
  private static final TableIdentifier SIGNUPS = TableIdentifier.of("demo", "signups");

  @TempDir
  Path dir;
  private Catalog catalog;

  @BeforeEach
  void openCatalog() {
    catalog = IcebergCatalogs.load("streametl", Map.of(
        "type", "jdbc",
        "uri", "jdbc:sqlite:" + dir.resolve("catalog.db"),
        "warehouse", dir.resolve("warehouse").toUri().toString()));
  }

  private IcebergDestination destination(boolean evolve, String routeBy, List<String> routes) {
    return new IcebergDestination(catalog, TableRouter.of("demo.events", routeBy, routes),
        new TableSettings(true, List.of(), Map.of(), evolve), "sink", 0);
  }

  private static SinkRecord record(long offset, Map<String, Object> value) {
    return new SinkRecord("events", 0, null, null, null, value, offset);
  }

  private static Map<String, Object> event(String id, String type) {
    Map<String, Object> value = new HashMap<>();
    value.put("event_id", id);
    value.put("event_type", type);
    return value;
  }

  private List<String> ids(TableIdentifier identifier) {
    return eventIds(catalog.loadTable(identifier));
  }

  /** The event ids of a table's rows. */
  static List<String> eventIds(Table table) {
    List<String> ids = new ArrayList<>();
    try (CloseableIterable<Record> rows = IcebergGenerics.read(table).build()) {
      rows.forEach(r -> ids.add((String) r.getField("event_id")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ids;
  }

  /**
   * Two tasks starting on a fresh catalog both find the namespace missing and both create it. The
   * JDBC catalog checks and inserts in two statements, so the task whose insert comes second fails
   * with a primary-key violation (UncheckedSQLException on SQLite, as the demo's log showed), not
   * AlreadyExistsException. That task must go on with the namespace the other one created. The
   * catalog here is the real one, with the other task's create slipped in between.
   */
  @Test
  void aNamespaceAnotherTaskCreatedFirstIsUsed() {
    AtomicInteger losingCreates = new AtomicInteger();
    Catalog racing = (Catalog) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {Catalog.class, SupportsNamespaces.class}, (proxy, method, args) -> {
          if (method.getName().equals("createNamespace")) {
            ((SupportsNamespaces) catalog).createNamespace((Namespace) args[0]); // the other task
            losingCreates.incrementAndGet();
            throw new UncheckedSQLException(new SQLException("[SQLITE_CONSTRAINT_PRIMARYKEY] A"
                + " PRIMARY KEY constraint failed"), "Failed to execute: INSERT INTO"
                + " iceberg_namespace_properties");
          }
          try {
            return method.invoke(catalog, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
    IcebergDestination destination = new IcebergDestination(racing,
        TableRouter.of("demo.events", "", List.of()),
        new TableSettings(true, List.of(), Map.of(), true), "sink", 0);
    destination.committedOffsets(List.of(P0));

    destination.write(record(0, event("a", "signup")));
    destination.commit(Map.of(P0, 1L), Map.of());

    assertThat(losingCreates).hasValue(1);
    assertThat(ids(ALL)).containsExactly("a");
  }

  /**
   * A commit that fails after its data files and manifests were written leaves neither behind:
   * Iceberg deletes only the manifests it wrote itself, and the sink writes its own (see
   * CycleManifests). The next cycle then commits as usual.
   */
  @Test
  void aFailedCommitLeavesNoManifestOrDataFileBehind() throws IOException {
    Catalog failing = IcebergCatalogs.load("streametl", Map.of(
        "type", "jdbc",
        "uri", "jdbc:sqlite:" + dir.resolve("failing.db"),
        "warehouse", dir.resolve("failing").toUri().toString(),
        "io-impl", ManifestListFailingFileIO.class.getName()));
    IcebergDestination destination = new IcebergDestination(failing, TableRouter.of("demo.events", "", List.of()),
        new TableSettings(true, List.of(), Map.of(), true), "sink", 0);
    destination.committedOffsets(List.of(P0));
    destination.write(record(0, event("a", "signup")));
    destination.commit(Map.of(P0, 1L), Map.of());
    Path tableDir = dir.resolve("failing").resolve("demo").resolve("events");
    List<Path> before = filesUnder(tableDir);

    destination.write(record(1, event("b", "signup")));
    ManifestListFailingFileIO.failManifestLists = true;
    try {
      assertThatThrownBy(() -> destination.commit(Map.of(P0, 2L), Map.of()))
          .hasStackTraceContaining("injected failure creating the manifest list");
    } finally {
      ManifestListFailingFileIO.failManifestLists = false;
    }
    destination.abort();

    assertThat(filesUnder(tableDir)).containsExactlyInAnyOrderElementsOf(before);
    destination.write(record(1, event("b", "signup")));
    destination.commit(Map.of(P0, 2L), Map.of());
    assertThat(eventIds(failing.loadTable(ALL))).containsExactlyInAnyOrder("a", "b");
  }

  /** The summaries engines and tools read (sizes, counts, totals) are kept for the sink's commits. */
  @Test
  void snapshotSummariesCountTheAppendedFilesRecordsAndBytes() throws IOException {
    IcebergDestination destination = destination(true, "", List.of());
    destination.committedOffsets(List.of(P0));
    destination.write(record(0, event("a", "signup")));
    destination.commit(Map.of(P0, 1L), Map.of());
    destination.write(record(1, event("b", "signup")));
    destination.write(record(2, event("c", "login")));
    destination.commit(Map.of(P0, 3L), Map.of());

    Table table = catalog.loadTable(ALL);
    long bytes = 0;
    long files = 0;
    try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
      for (FileScanTask task : tasks) {
        bytes += task.file().fileSizeInBytes();
        files++;
      }
    }
    Map<String, String> summary = table.currentSnapshot().summary();
    assertThat(files).isEqualTo(2);
    assertThat(summary)
        .containsEntry("added-data-files", "1")
        .containsEntry("added-records", "2")
        .containsEntry("total-data-files", "2")
        .containsEntry("total-records", "3")
        .containsEntry("total-files-size", Long.toString(bytes));
    assertThat(Long.parseLong(summary.get("added-files-size"))).isPositive().isLessThan(bytes);
  }

  private static List<Path> filesUnder(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      // Hadoop's checksum files come and go with the files they belong to.
      return files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().endsWith(".crc")).toList();
    }
  }

  @Test
  void newFieldsBecomeOptionalColumnsAndIntColumnsWidenToLong() {
    IcebergDestination destination = destination(true, "", List.of());
    destination.committedOffsets(List.of(P0));
    org.apache.kafka.connect.data.Schema v1 = org.apache.kafka.connect.data.SchemaBuilder.struct()
        .field("event_id", org.apache.kafka.connect.data.Schema.STRING_SCHEMA)
        .field("n", org.apache.kafka.connect.data.Schema.INT32_SCHEMA).build();
    destination.write(new SinkRecord("events", 0, null, null, v1,
        new org.apache.kafka.connect.data.Struct(v1).put("event_id", "a").put("n", 1), 0));
    Map<String, Object> v2 = event("b", "signup");
    v2.put("n", 5_000_000_000L);
    v2.put("device", Map.of("os", "ios"));
    destination.write(record(1, v2));
    destination.commit(Map.of(P0, 2L), Map.of());

    Table table = catalog.loadTable(ALL);
    assertThat(table.schema().findType("n")).isEqualTo(Types.LongType.get());
    assertThat(table.schema().findType("device.os")).isEqualTo(Types.StringType.get());
    assertThat(table.schema().findField("event_type").isOptional()).isTrue();
    assertThat(ids(ALL)).containsExactlyInAnyOrder("a", "b");
  }

  @Test
  void anIncompatibleChangeRejectsTheRecordAndLeavesTheTableAlone() {
    IcebergDestination destination = destination(true, "", List.of());
    destination.committedOffsets(List.of(P0));
    destination.write(record(0, Map.of("event_id", "a", "amount", 1.5)));
    int schemaId = catalog.loadTable(ALL).schema().schemaId();

    assertThatThrownBy(() -> destination.write(record(1, Map.of("event_id", "b", "amount", "1,50 EUR"))))
        .isInstanceOf(SchemaMismatchException.class)
        .hasMessageContaining("'amount'")
        .hasMessageNotContaining("1,50");
    assertThat(catalog.loadTable(ALL).schema().schemaId()).isEqualTo(schemaId);
  }

  @Test
  void withoutEvolutionANewFieldIsRejected() {
    IcebergDestination destination = destination(false, "", List.of());
    destination.committedOffsets(List.of(P0));
    destination.write(record(0, Map.of("event_id", "a")));

    assertThatThrownBy(() -> destination.write(record(1, Map.of("event_id", "b", "extra", "x"))))
        .isInstanceOf(SchemaMismatchException.class).hasMessageContaining("extra");
  }

  @Test
  void recordsAreRoutedByAFieldAndTheRestGoToTheDefaultTable() {
    IcebergDestination destination = destination(true, "event_type", List.of("signup=demo.signups"));
    destination.committedOffsets(List.of(P0));
    destination.write(record(0, event("a", "signup")));
    destination.write(record(1, event("b", "cancel")));
    destination.write(record(2, event("c", "signup")));
    destination.commit(Map.of(P0, 3L), Map.of());

    assertThat(ids(SIGNUPS)).containsExactlyInAnyOrder("a", "c");
    assertThat(ids(ALL)).containsExactly("b");
  }

  @Test
  void aCrashBetweenTheTwoPhasesNeitherLosesNorDuplicatesRows() {
    // Cycle 1 commits fully. In cycle 2 the routed table commits, then the task dies before the anchor.
    IcebergDestination first = destination(true, "event_type", List.of("signup=demo.signups"));
    first.committedOffsets(List.of(P0));
    first.write(record(0, event("a", "signup")));
    first.write(record(1, event("b", "cancel")));
    first.commit(Map.of(P0, 2L), Map.of());
    first.write(record(2, event("c", "signup")));
    first.write(record(3, event("d", "cancel")));
    TableSinkAccess.commitOnly(first, SIGNUPS, Map.of(P0, 4L)); // phase one only, then "crash"

    IcebergDestination restarted = destination(true, "event_type", List.of("signup=demo.signups"));
    Map<TopicPartition, Long> resume = restarted.committedOffsets(List.of(P0));
    assertThat(resume).containsEntry(P0, 2L); // the anchor's offset: records 2 and 3 are replayed
    restarted.write(record(2, event("c", "signup")));  // already in demo.signups: skipped there
    restarted.write(record(3, event("d", "cancel")));
    restarted.commit(Map.of(P0, 4L), Map.of());

    assertThat(ids(SIGNUPS)).containsExactlyInAnyOrder("a", "c");
    assertThat(ids(ALL)).containsExactlyInAnyOrder("b", "d");
  }

  @Test
  void aReplayedCycleEndingBeforeARoutedTablesOffsetDoesNotLowerIt() {
    // The crash leaves demo.signups at offset 4 (rows c and e in it), the anchor at 2.
    IcebergDestination first = destination(true, "event_type", List.of("signup=demo.signups"));
    first.committedOffsets(List.of(P0, P1));
    first.write(record(0, event("a", "signup")));
    first.write(record(1, event("b", "cancel")));
    first.commit(Map.of(P0, 2L), Map.of());
    first.write(record(2, event("c", "signup")));
    first.write(record(3, event("e", "signup")));
    TableSinkAccess.commitOnly(first, SIGNUPS, Map.of(P0, 4L));

    // The replay's first cycle ends at offset 3 of P0, while a record of P1 gives demo.signups rows.
    IcebergDestination restarted = destination(true, "event_type", List.of("signup=demo.signups"));
    restarted.committedOffsets(List.of(P0, P1));
    restarted.write(record(2, event("c", "signup")));
    restarted.write(new SinkRecord("events", 1, null, null, null, event("x", "signup"), 0));
    restarted.commit(Map.of(P0, 3L, P1, 1L), Map.of());
    restarted.write(record(3, event("e", "signup")));  // still in demo.signups from before the crash
    restarted.commit(Map.of(P0, 4L), Map.of());

    assertThat(ids(SIGNUPS)).containsExactlyInAnyOrder("a", "c", "e", "x");
    assertThat(destination(true, "event_type", List.of("signup=demo.signups")).committedOffsets(List.of(P0)))
        .containsEntry(P0, 4L);
  }

  @Test
  void theAnchorIsCreatedWhenEveryRowWasRouted() {
    IcebergDestination destination = destination(true, "event_type", List.of("signup=demo.signups"));
    destination.committedOffsets(List.of(P0));
    destination.write(record(0, event("a", "signup")));
    destination.commit(Map.of(P0, 1L), Map.of());

    assertThat(catalog.tableExists(ALL)).isTrue();
    assertThat(destination(true, "event_type", List.of("signup=demo.signups")).committedOffsets(List.of(P0)))
        .containsEntry(P0, 1L);
  }
}
