package io.streametl.stack.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.streametl.stack.iceberg.IcebergCatalogOptions;
import io.streametl.stack.iceberg.LocalIcebergCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.GenericFileWriterFactory;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.encryption.EncryptedFiles;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a real Iceberg table on disk, laid out as the sink lays out an aggregates table. */
class RecentWindowsTest {

  private static final String TABLE = "demo.events_per_minute";
  private static final Schema SCHEMA = new Schema(
      Types.NestedField.required(1, "window_start", Types.TimestampType.withZone()),
      Types.NestedField.required(2, "window_end", Types.TimestampType.withZone()),
      Types.NestedField.optional(3, "region", Types.StringType.get()),
      Types.NestedField.optional(4, "channel", Types.StringType.get()),
      Types.NestedField.required(5, "record_count", Types.LongType.get()));
  private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

  @TempDir
  Path temp;

  private JdbcCatalog writer;
  private Table table;
  private LocalIcebergCatalog reader;

  @BeforeEach
  void createTable() throws IOException {
    IcebergCatalogOptions options = IcebergCatalogOptions.defaults(temp);
    Files.createDirectories(options.catalogDb().getParent());
    writer = new JdbcCatalog();
    writer.setConf(new Configuration());
    writer.initialize(options.catalogName(), Map.of("uri", options.jdbcUri(),
        "warehouse", options.warehouse().toString()));
    TableIdentifier id = TableIdentifier.parse(TABLE);
    writer.createNamespace(Namespace.of(id.namespace().levels()));
    table = writer.createTable(id, SCHEMA, PartitionSpec.unpartitioned());
    reader = LocalIcebergCatalog.open(options);
  }

  @AfterEach
  void close() throws IOException {
    reader.close();
    writer.close();
  }

  @Test
  void nothingBeforeTheFirstCommitThenTheFoldedWindows() throws IOException {
    RecentWindows windows = new RecentWindows(TABLE, Duration.ofHours(1), new WindowFold(
        "record_count", 10));
    assertThat(windows.read(reader)).isEmpty();

    commit(row(T0, "eu", "web", 3), row(T0, "us", "app", 2), row(T0.plusSeconds(60), "eu", "web", 1));

    RecentWindows.Folded folded = windows.read(reader).orElseThrow();
    assertThat(folded.table()).isEqualTo(TABLE);
    assertThat(folded.byRegion().windows()).containsExactly(T0, T0.plusSeconds(60));
    assertThat(folded.byRegion().byGroup()).containsEntry("eu", List.of(3L, 1L));
    assertThat(folded.byChannel().byGroup()).containsEntry("app", List.of(2L, 0L));
  }

  @Test
  void aNewCommitIsSeenAndRowsOlderThanTheLookbackAreNotRead() throws IOException {
    RecentWindows windows = new RecentWindows(TABLE, Duration.ofMinutes(30), new WindowFold(
        "record_count", 100));
    commit(row(T0.minus(Duration.ofHours(2)), "eu", "web", 9), row(T0, "eu", "web", 3));
    assertThat(windows.read(reader).orElseThrow().byRegion().windows()).hasSize(2);

    // A delta row for the latest window and a row two hours before it (outside the lookback).
    commit(row(T0, "eu", "web", 4), row(T0.plusSeconds(60), "us", "web", 5));

    WindowFold.Counts byRegion = windows.read(reader).orElseThrow().byRegion();
    assertThat(byRegion.windows()).containsExactly(T0, T0.plusSeconds(60));
    assertThat(byRegion.byGroup()).containsOnly(Map.entry("eu", List.of(7L, 0L)),
        Map.entry("us", List.of(0L, 5L)));
  }

  private static Record row(Instant start, String region, String channel, long count) {
    GenericRecord record = GenericRecord.create(SCHEMA);
    record.setField("window_start", start.atOffset(ZoneOffset.UTC));
    record.setField("window_end", start.plusSeconds(60).atOffset(ZoneOffset.UTC));
    record.setField("region", region);
    record.setField("channel", channel);
    record.setField("record_count", count);
    return record;
  }

  private void commit(Record... rows) throws IOException {
    table.refresh();
    DataWriter<Record> data = new GenericFileWriterFactory.Builder(table)
        .dataFileFormat(FileFormat.PARQUET).build()
        .newDataWriter(EncryptedFiles.plainAsEncryptedOutput(table.io().newOutputFile(
            table.locationProvider().newDataLocation(UUID.randomUUID() + ".parquet"))),
            PartitionSpec.unpartitioned(), null);
    try (data) {
      for (Record row : rows) {
        data.write(row);
      }
    }
    table.newAppend().appendFile(data.toDataFile()).commit();
  }
}
