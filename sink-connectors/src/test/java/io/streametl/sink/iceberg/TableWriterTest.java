package io.streametl.sink.iceberg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
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
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableWriterTest {

  private static final Schema SCHEMA = new Schema(
      Types.NestedField.optional(1, "id", Types.LongType.get()),
      Types.NestedField.optional(2, "event_time", Types.TimestampType.withZone()));

  private static final Schema PAGES_SCHEMA = new Schema(
      Types.NestedField.optional(1, "id", Types.LongType.get()),
      Types.NestedField.optional(2, "region", Types.StringType.get()));

  @TempDir
  Path dir;

  /**
   * A cycle's file has Parquet pages of at most 2,000 rows, so Parquet checks early whether a
   * dictionary pays: the unique ids end up plain, the 3 distinct regions keep their dictionary.
   */
  @Test
  void aCyclesFilesHaveSmallPagesUniqueValuesPlainAndFewValuesInADictionary() throws IOException {
    Table table = table(Map.of());

    DataFile file = writeOneFile(new TableWriter(table, 0), 10_000);

    assertThat(pages(file, "id")).isEqualTo(5);
    assertThat(hasDictionary(file, "id")).isFalse();
    assertThat(hasDictionary(file, "region")).isTrue();
  }

  /** Compaction writes with the table's settings: Parquet's 20,000-row pages. */
  @Test
  void compactionWritesWithTheTablesOwnPageSize() throws IOException {
    Table table = table(Map.of());

    DataFile file = writeOneFile(new TableWriter(table, 0, TableWriter.targetFileSize(table)), 10_000);

    assertThat(pages(file, "id")).isEqualTo(1);
  }

  /** A page row limit the table sets is the one a cycle's files get. */
  @Test
  void aTablesOwnPageRowLimitWins() throws IOException {
    Table table = table(Map.of("write.parquet.page-row-limit", "5000"));

    DataFile file = writeOneFile(new TableWriter(table, 0), 10_000);

    assertThat(pages(file, "id")).isEqualTo(2);
  }

  private Table table(Map<String, String> properties) {
    return demoCatalog().createTable(TableIdentifier.of("demo", "pages"), PAGES_SCHEMA,
        PartitionSpec.unpartitioned(), properties);
  }

  /** A JDBC catalog in the test's folder, with the namespace "demo". */
  private Catalog demoCatalog() {
    Catalog catalog = IcebergCatalogs.load("streametl", Map.of("type", "jdbc",
        "uri", "jdbc:sqlite:" + dir.resolve("catalog.db"), "warehouse", dir.resolve("warehouse").toUri().toString()));
    ((SupportsNamespaces) catalog).createNamespace(Namespace.of("demo"));
    return catalog;
  }

  private static DataFile writeOneFile(TableWriter writer, int rows) {
    String[] regions = {"eu", "us", "apac"};
    for (long id = 0; id < rows; id++) {
      GenericRecord row = GenericRecord.create(PAGES_SCHEMA);
      row.setField("id", id);
      row.setField("region", regions[(int) (id % 3)]);
      writer.write(row, 16);
    }
    List<DataFile> files = writer.complete();
    assertThat(files).hasSize(1);
    return files.get(0);
  }

  private static int pages(DataFile file, String column) throws IOException {
    try (ParquetFileReader reader = open(file)) {
      BlockMetaData rowGroup = reader.getFooter().getBlocks().get(0);
      return reader.readOffsetIndex(chunk(rowGroup, column)).getPageCount();
    }
  }

  private static boolean hasDictionary(DataFile file, String column) throws IOException {
    try (ParquetFileReader reader = open(file)) {
      return chunk(reader.getFooter().getBlocks().get(0), column).hasDictionaryPage();
    }
  }

  private static ParquetFileReader open(DataFile file) throws IOException {
    return ParquetFileReader.open(new LocalInputFile(Path.of(URI.create(file.location()))));
  }

  private static ColumnChunkMetaData chunk(BlockMetaData rowGroup, String column) {
    return rowGroup.getColumns().stream()
        .filter(chunk -> chunk.getPath().toDotString().equals(column)).findFirst().orElseThrow();
  }

  /** The writer reuses one partition key for every row; rows must still land in their own partition's file. */
  @Test
  void interleavedPartitionsEachGetTheirOwnRows() throws IOException {
    Table table = demoCatalog().createTable(TableIdentifier.of("demo", "events"), SCHEMA,
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
