package io.streametl.sink.iceberg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableWriterTest {

  private static final Schema SCHEMA = new Schema(
      Types.NestedField.optional(1, "id", Types.LongType.get()),
      Types.NestedField.optional(2, "event_time", Types.TimestampType.withZone()));

  @TempDir
  Path dir;

  /** The writer reuses one partition key for every row; rows must still land in their own partition's file. */
  @Test
  void interleavedPartitionsEachGetTheirOwnRows() throws IOException {
    Catalog catalog = IcebergCatalogs.load("streametl", Map.of("type", "jdbc",
        "uri", "jdbc:sqlite:" + dir.resolve("catalog.db"), "warehouse", dir.resolve("warehouse").toUri().toString()));
    ((SupportsNamespaces) catalog).createNamespace(Namespace.of("demo"));
    Table table = catalog.createTable(TableIdentifier.of("demo", "events"), SCHEMA,
        PartitionSpec.builderFor(SCHEMA).day("event_time").build());
    OffsetDateTime day0 = OffsetDateTime.of(2026, 11, 21, 10, 0, 0, 0, ZoneOffset.UTC);

    TableWriter writer = new TableWriter(table, 0);
    for (long id = 0; id < 300; id++) {
      GenericRecord row = GenericRecord.create(SCHEMA);
      row.setField("id", id);
      row.setField("event_time", day0.plusDays(id % 3));
      writer.write(row, 16);
    }
    List<DataFile> files = writer.complete();

    assertThat(files).hasSize(3);
    Map<Object, Long> rowsByPartition = new HashMap<>();
    files.forEach(file -> rowsByPartition.put(file.partition().get(0, Integer.class), file.recordCount()));
    int firstDay = (int) day0.toLocalDate().toEpochDay();
    assertThat(rowsByPartition).containsOnlyKeys(firstDay, firstDay + 1, firstDay + 2)
        .allSatisfy((day, rows) -> assertThat(rows).isEqualTo(100L));

    AppendFiles append = table.newAppend();
    files.forEach(append::appendFile);
    append.commit();
    List<Record> rows = new ArrayList<>();
    try (CloseableIterable<Record> read = IcebergGenerics.read(table).build()) {
      read.forEach(rows::add);
    }
    assertThat(rows).hasSize(300).allSatisfy(row -> assertThat(((OffsetDateTime) row.getField("event_time")).toLocalDate())
        .isEqualTo(day0.plusDays((Long) row.getField("id") % 3).toLocalDate()));
  }
}
