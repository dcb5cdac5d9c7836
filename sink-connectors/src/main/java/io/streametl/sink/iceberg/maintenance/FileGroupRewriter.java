package io.streametl.sink.iceberg.maintenance;

import io.streametl.sink.iceberg.TableWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.IdentityPartitionConverters;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.formats.FormatModelRegistry;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.util.PartitionUtil;

/**
 * Reads the rows of a group of small files of one partition with Iceberg's generic readers and
 * writes them into new files of the target size with the sink's own {@link TableWriter}, folding
 * partial aggregate rows on the way when a fold is given. The new files are not committed here.
 */
final class FileGroupRewriter {

  /** Folded rows held in memory before they are written out; writing early only folds less. */
  static final int MAX_FOLDED_ROWS = 100_000;

  private final Table table;
  private final int taskId;
  private final long targetFileSize;

  FileGroupRewriter(Table table, int taskId, long targetFileSize) {
    this.table = table;
    this.taskId = taskId;
    this.targetFileSize = targetFileSize;
  }

  /**
   * @param fold folds partial aggregate rows, or null to copy rows as they are
   * @return the new files holding every row of the group (folded, if a fold was given)
   */
  List<DataFile> rewrite(List<FileScanTask> group, PartialRowFold fold) {
    if (fold != null) {
      try {
        return write(group, fold);
      } catch (PartialRowFold.FoldOverflowException e) {
        // Folding would change a value's type; the files are still compacted, row for row.
        return write(group, null);
      }
    }
    return write(group, null);
  }

  private List<DataFile> write(List<FileScanTask> group, PartialRowFold fold) {
    TableWriter writer = new TableWriter(table, taskId, targetFileSize);
    try {
      for (FileScanTask task : group) {
        try (CloseableIterable<Record> rows = read(task)) {
          for (Record row : rows) {
            if (fold == null) {
              writer.write(row, 0);
              continue;
            }
            fold.add(row);
            if (fold.size() >= MAX_FOLDED_ROWS) {
              fold.drain().forEach(folded -> writer.write(folded, 0));
            }
          }
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read data file " + task.file().location(), e);
        }
      }
      if (fold != null) {
        fold.drain().forEach(folded -> writer.write(folded, 0));
      }
      return writer.complete();
    } catch (RuntimeException e) {
      if (fold != null) {
        fold.drain();
      }
      writer.abort();
      throw e;
    }
  }

  private CloseableIterable<Record> read(FileScanTask task) {
    DataFile file = task.file();
    return FormatModelRegistry.<Record, Object>readBuilder(file.format(), Record.class, table.io().newInputFile(file))
        .project(table.schema())
        .idToConstant(PartitionUtil.constantsMap(task, IdentityPartitionConverters::convertConstant))
        .build();
  }
}
