package io.streametl.sink.iceberg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.PartitionKey;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.data.GenericFileWriterFactory;
import org.apache.iceberg.data.InternalRecordWrapper;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.DataWriteResult;
import org.apache.iceberg.io.FanoutDataWriter;
import org.apache.iceberg.io.OutputFileFactory;
import org.apache.iceberg.util.PropertyUtil;

/**
 * Writes the rows of one commit cycle into data files of one table, one open file per partition.
 * Its life is write, then {@link #complete()} (the files to commit) or {@link #abort()} (the
 * files deleted); a new writer starts the next cycle. Table maintenance writes compacted files
 * with it too, with the table's settings as they are (a cycle's small files get smaller Parquet
 * pages, {@link #CYCLE_PAGE_ROW_LIMIT}).
 */
public final class TableWriter {

  /**
   * The most rows in a Parquet page of a commit cycle's files, unless the table sets
   * {@code write.parquet.page-row-limit} itself. Parquet dictionary-encodes a column until its
   * first page is full and only then checks whether the dictionary pays. At the default 20,000
   * rows, the files of a 1-second cycle (tens of thousands of rows) hash every unique value (event
   * ids, offsets, times) into a dictionary and re-encode it all plain when the file closes. After
   * a 2,000-row page the check is made early, and columns with few values keep their dictionary.
   * Compaction writes with the table's own settings (docs/decisions/0011).
   */
  static final int CYCLE_PAGE_ROW_LIMIT = 2_000;

  private final Table table;
  private final PartitionSpec spec;           // as when the writer was made: files of a cycle share one spec
  private final boolean unpartitioned; // PartitionSpec.isUnpartitioned() runs a stream on every call
  private final FanoutDataWriter<Record> writer;
  private final PartitionKey partitionKey;
  private final InternalRecordWrapper wrapper;
  private long records;
  private long estimatedBytes;
  private boolean closed;

  /** The writer of a commit cycle: the table's settings, with {@link #CYCLE_PAGE_ROW_LIMIT}. */
  TableWriter(Table table, int taskId) {
    this(table, taskId, targetFileSize(table), cycleWriteProperties(table));
  }

  /**
   * A writer with the table's own settings that rolls to a new file at {@code targetFileSize}
   * bytes instead of the table's setting (compaction).
   */
  public TableWriter(Table table, int taskId, long targetFileSize) {
    this(table, taskId, targetFileSize, Map.of());
  }

  private TableWriter(Table table, int taskId, long targetFileSize,
      Map<String, String> writeProperties) {
    this.table = table;
    FileFormat format = FileFormat.fromString(PropertyUtil.propertyAsString(
        table.properties(), TableProperties.DEFAULT_FILE_FORMAT, TableProperties.DEFAULT_FILE_FORMAT_DEFAULT));
    // The operation id makes file names unique across tasks, restarts and retried cycles.
    OutputFileFactory files = OutputFileFactory.builderFor(table, taskId, System.nanoTime())
        .format(format)
        .operationId(UUID.randomUUID().toString())
        .build();
    GenericFileWriterFactory writers = new GenericFileWriterFactory.Builder(table)
        .dataFileFormat(format)
        .dataSchema(table.schema())
        .dataSortOrder(table.sortOrder())
        .writerProperties(writeProperties)
        .build();
    this.writer = new FanoutDataWriter<>(writers, files, table.io(), targetFileSize);
    this.spec = table.spec();
    this.unpartitioned = spec.isUnpartitioned();
    this.partitionKey = new PartitionKey(spec, table.schema());
    this.wrapper = new InternalRecordWrapper(table.schema().asStruct());
  }

  /** What a cycle's files are written with on top of the table's properties. */
  static Map<String, String> cycleWriteProperties(Table table) {
    if (table.properties().containsKey(TableProperties.PARQUET_PAGE_ROW_LIMIT)) {
      return Map.of();
    }
    return Map.of(TableProperties.PARQUET_PAGE_ROW_LIMIT, Integer.toString(CYCLE_PAGE_ROW_LIMIT));
  }

  /** The table's {@code write.target-file-size-bytes}. */
  public static long targetFileSize(Table table) {
    return PropertyUtil.propertyAsLong(table.properties(),
        TableProperties.WRITE_TARGET_FILE_SIZE_BYTES, TableProperties.WRITE_TARGET_FILE_SIZE_BYTES_DEFAULT);
  }

  public void write(Record row, long rowBytes) {
    if (unpartitioned) {
      writer.write(row, spec, null);
    } else {
      partitionKey.partition(wrapper.wrap(row));
      // No copy per row: the fanout writer only looks the key up, and copies it itself when it
      // opens a file for a new partition.
      writer.write(row, spec, partitionKey);
    }
    records++;
    estimatedBytes += rowBytes;
  }

  long records() {
    return records;
  }

  long estimatedBytes() {
    return estimatedBytes;
  }

  /** Closes the open files and returns them, ready to be appended to the table. */
  public List<DataFile> complete() {
    close();
    return writer.result().dataFiles();
  }

  /** Closes the open files and deletes everything written: nothing of this cycle reaches the table. */
  public void abort() {
    try {
      close();
    } catch (UncheckedIOException e) {
      // Files that failed to close are orphans in the warehouse, invisible to readers: no
      // snapshot references them. The sink's maintenance does not list data folders for such
      // files (docs/decisions/0005); an orphan-file cleanup by another engine removes them.
      return;
    }
    DataWriteResult result = writer.result();
    result.dataFiles().forEach(file -> table.io().deleteFile(file.location()));
  }

  private void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      writer.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close data files of table " + table.name(), e);
    }
  }
}
