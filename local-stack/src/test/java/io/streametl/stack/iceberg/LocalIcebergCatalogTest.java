package io.streametl.stack.iceberg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.DataFile;
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

class LocalIcebergCatalogTest {

  private static final Types.StructType DEVICE = Types.StructType.of(
      Types.NestedField.optional(3, "os", Types.StringType.get()));
  private static final Schema SCHEMA = new Schema(
      Types.NestedField.required(1, "event_id", Types.StringType.get()),
      Types.NestedField.optional(2, "device", DEVICE));

  @TempDir
  Path temp;

  @Test
  void noCatalogFileMeansNothingCommittedAndCreatesNoFile() {
    IcebergCatalogOptions options = IcebergCatalogOptions.defaults(temp);

    assertThat(LocalIcebergCatalog.openIfExists(options)).isEmpty();
    assertThat(options.catalogDb()).doesNotExist();
  }

  @Test
  void readsCommittedRecordsAndASampleWithColumnNames() throws IOException {
    IcebergCatalogOptions options = IcebergCatalogOptions.defaults(temp);
    writeTable(options, "demo.events", List.of("e1", "e2", "e3"));

    try (LocalIcebergCatalog catalog = LocalIcebergCatalog.open(options)) {
      assertThat(catalog.committedRecords("demo.events")).hasValue(3);
      assertThat(catalog.committedRecords("demo.missing")).isEmpty();

      TableSample sample = catalog.sample("demo.events", 2);

      assertThat(sample.rowCount()).isEqualTo(3);
      assertThat(sample.columns()).containsExactly("event_id", "device");
      assertThat(sample.rows()).hasSize(2).first()
          .isEqualTo(Map.of("event_id", "e1", "device", Map.of("os", "linux")));
    }
  }

  /** Writes a table the way a sink would: a JDBC catalog on SQLite, a Parquet data file. */
  private static void writeTable(IcebergCatalogOptions options, String name, List<String> ids)
      throws IOException {
    Files.createDirectories(options.catalogDb().getParent());
    JdbcCatalog catalog = new JdbcCatalog();
    catalog.setConf(new Configuration());
    catalog.initialize(options.catalogName(), Map.of("uri", options.jdbcUri(),
        "warehouse", options.warehouse().toString()));
    try (catalog) {
      TableIdentifier id = TableIdentifier.parse(name);
      catalog.createNamespace(Namespace.of(id.namespace().levels()));
      Table table = catalog.createTable(id, SCHEMA, PartitionSpec.unpartitioned());
      DataWriter<Record> writer = new GenericFileWriterFactory.Builder(table)
          .dataFileFormat(FileFormat.PARQUET).build()
          .newDataWriter(EncryptedFiles.plainAsEncryptedOutput(table.io().newOutputFile(
              table.locationProvider().newDataLocation("part-0.parquet"))),
              PartitionSpec.unpartitioned(), null);
      try (writer) {
        for (String eventId : ids) {
          GenericRecord device = GenericRecord.create(DEVICE);
          device.setField("os", "linux");
          GenericRecord record = GenericRecord.create(SCHEMA);
          record.setField("event_id", eventId);
          record.setField("device", device);
          writer.write(record);
        }
      }
      DataFile file = writer.toDataFile();
      table.newAppend().appendFile(file).commit();
    }
  }
}
