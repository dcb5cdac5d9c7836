package io.streametl.stack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotRowReaderTest {

  private static final Schema SCHEMA = new Schema(
      Types.NestedField.optional(1, "event_id", Types.StringType.get()),
      Types.NestedField.optional(2, "event_time", Types.TimestampType.withZone()));

  @TempDir
  Path temp;

  @Test
  void readsTheEventTimesEachSnapshotAppendedWithItsCommitTime() throws IOException {
    JdbcCatalog catalog = new JdbcCatalog();
    catalog.setConf(new Configuration());
    catalog.initialize("local", Map.of("uri", "jdbc:sqlite:" + temp.resolve("catalog.db"),
        "warehouse", temp.resolve("warehouse").toString()));
    try (catalog) {
      catalog.createNamespace(Namespace.of("bench"));
      Table table = catalog.createTable(TableIdentifier.parse("bench.events"), SCHEMA,
          PartitionSpec.unpartitioned());
      append(table, "a.parquet", 1_000, 2_000);
      append(table, "b.parquet", 3_000);
      append(table, "c.parquet");  // a commit without rows, like our sink's anchor

      List<SnapshotRows> snapshots = SnapshotRowReader.read(table, "event_time");

      assertThat(snapshots).hasSize(2);
      assertThat(snapshots.get(0).eventTimesMillis()).containsExactlyInAnyOrder(1_000, 2_000);
      assertThat(snapshots.get(1).eventTimesMillis()).containsExactly(3_000);
      table.refresh();
      List<Long> commitTimes = new java.util.ArrayList<>();
      table.snapshots().forEach(snapshot -> commitTimes.add(snapshot.timestampMillis()));
      assertThat(snapshots.get(0).committedAtMillis()).isEqualTo(commitTimes.get(0));
      assertThat(snapshots.get(1).committedAtMillis()).isEqualTo(commitTimes.get(1));
    }
  }

  @Test
  void timesComeAsOffsetOrLocalDateTimesOrMillis() {
    Instant instant = Instant.ofEpochMilli(1_763_700_000_123L);

    assertThat(SnapshotRowReader.epochMillis(OffsetDateTime.ofInstant(instant, ZoneOffset.UTC)))
        .isEqualTo(1_763_700_000_123L);
    assertThat(SnapshotRowReader.epochMillis(LocalDateTime.ofInstant(instant, ZoneOffset.UTC)))
        .isEqualTo(1_763_700_000_123L);
    assertThat(SnapshotRowReader.epochMillis(5L)).isEqualTo(5L);
  }

  private static void append(Table table, String fileName, long... eventTimes) throws IOException {
    DataWriter<Record> writer = new GenericFileWriterFactory.Builder(table)
        .dataFileFormat(FileFormat.PARQUET).build()
        .newDataWriter(EncryptedFiles.plainAsEncryptedOutput(table.io().newOutputFile(
            table.locationProvider().newDataLocation(fileName))), PartitionSpec.unpartitioned(),
            null);
    try (writer) {
      for (long eventTime : eventTimes) {
        GenericRecord record = GenericRecord.create(SCHEMA);
        record.setField("event_id", "e" + eventTime);
        record.setField("event_time",
            OffsetDateTime.ofInstant(Instant.ofEpochMilli(eventTime), ZoneOffset.UTC));
        writer.write(record);
      }
    }
    if (eventTimes.length == 0) {
      table.newAppend().commit();
    } else {
      table.newAppend().appendFile(writer.toDataFile()).commit();
    }
  }
}
