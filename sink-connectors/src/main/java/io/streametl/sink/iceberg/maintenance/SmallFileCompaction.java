package io.streametl.sink.iceberg.maintenance;

import io.streametl.sink.iceberg.TableWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.RewriteFiles;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableUtil;
import org.apache.iceberg.exceptions.CommitStateUnknownException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compacts the small files of closed partitions of one table: partitions no commit has added a
 * file to for the minimum age, with at least the minimum number of small files. It reads the
 * table as of one snapshot, writes the new files, and replaces the old ones in one
 * {@code RewriteFiles} commit validated from that snapshot: appends the tasks commit meanwhile
 * never conflict with it (they add files, and a rewrite only needs its own files to still be
 * there). The rewrite snapshot records no Kafka offsets, so the sink skips it when it resumes.
 */
final class SmallFileCompaction {

  private static final Logger LOG = LoggerFactory.getLogger(SmallFileCompaction.class);
  /** Marks the snapshots compaction commits (they carry no offsets). */
  static final String SUMMARY_KEY = "streametl.maintenance";

  /** What one table's compaction did. */
  record Result(int partitions, int filesRewritten, long bytesRewritten, int filesWritten) {
    static final Result NONE = new Result(0, 0, 0, 0);
  }

  private final MaintenanceSettings settings;
  private final int taskId;
  private final Set<String> rowLineageNoted = new HashSet<>();

  SmallFileCompaction(MaintenanceSettings settings, int taskId) {
    this.settings = settings;
    this.taskId = taskId;
  }

  /**
   * @param folds the fold for the table's rows (partial aggregate rows), or empty to copy rows
   */
  Result compact(Table table, Function<Schema, Optional<PartialRowFold>> folds, long nowMillis, RunBudget budget) {
    table.refresh();
    Snapshot start = table.currentSnapshot();
    if (start == null) {
      return Result.NONE;
    }
    if (TableUtil.supportsRowLineage(table)) {
      // Format v3 tracks row ids; files rewritten through the generic writer would lose them.
      if (rowLineageNoted.add(table.name())) {
        LOG.info("Table {} tracks row lineage (format v3); its files are not compacted by the sink", table.name());
      }
      return Result.NONE;
    }
    long target = settings.targetFileSize().orElse(TableWriter.targetFileSize(table));
    List<List<FileScanTask>> partitions = CompactionCandidates.smallFilesOfClosedPartitions(table, start, target,
        nowMillis - settings.compactionMinAge().toMillis(), settings.compactionMinFiles());
    FileGroupRewriter rewriter = new FileGroupRewriter(table, taskId, target);
    List<DataFile> removed = new ArrayList<>();
    List<DataFile> added = new ArrayList<>();
    long bytes = 0;
    int compacted = 0;
    try {
      for (List<FileScanTask> partition : partitions) {
        boolean any = false;
        for (List<FileScanTask> group : CompactionCandidates.groups(partition, target)) {
          List<FileScanTask> fitting = fit(group, budget);
          if (fitting.size() < 2) {
            break;
          }
          long groupBytes = fitting.stream().mapToLong(t -> t.file().fileSizeInBytes()).sum();
          added.addAll(rewriter.rewrite(fitting, folds.apply(table.schema()).orElse(null)));
          fitting.forEach(t -> removed.add(t.file()));
          budget.spend(fitting.size(), groupBytes);
          bytes += groupBytes;
          any = true;
        }
        compacted += any ? 1 : 0;
      }
    } catch (RuntimeException e) {
      deleteQuietly(table, added);
      throw e;
    }
    if (removed.isEmpty()) {
      return Result.NONE;
    }
    commit(table, start, removed, added);
    return new Result(compacted, removed.size(), bytes, added.size());
  }

  /** The longest head of the group the run's budget still covers (empty: out of time). */
  private static List<FileScanTask> fit(List<FileScanTask> group, RunBudget budget) {
    if (!budget.timeLeft()) {
      return List.of();
    }
    List<FileScanTask> fitting = new ArrayList<>();
    long bytes = 0;
    for (FileScanTask task : group) {
      bytes += task.file().fileSizeInBytes();
      if (!budget.covers(fitting.size() + 1, bytes)) {
        break;
      }
      fitting.add(task);
    }
    return fitting;
  }

  private void commit(Table table, Snapshot start, List<DataFile> removed, List<DataFile> added) {
    RewriteFiles rewrite = table.newRewrite().validateFromSnapshot(start.snapshotId());
    if (TableUtil.formatVersion(table) >= 2) {
      // New files keep the starting snapshot's data sequence number, so equality deletes another
      // engine commits meanwhile still apply to the rows they hold.
      rewrite.dataSequenceNumber(start.sequenceNumber());
    }
    removed.forEach(rewrite::deleteFile);
    added.forEach(rewrite::addFile);
    rewrite.set(SUMMARY_KEY, "compaction");
    try {
      rewrite.commit();
    } catch (CommitStateUnknownException e) {
      throw e; // the new files may be in the table now: keep them
    } catch (RuntimeException e) {
      deleteQuietly(table, added);
      throw e;
    }
    LOG.debug("Compacted {} small files of {} into {}", removed.size(), table.name(), added.size());
  }

  private static void deleteQuietly(Table table, List<DataFile> files) {
    int failed = 0;
    for (DataFile file : files) {
      try {
        table.io().deleteFile(file.location());
      } catch (RuntimeException e) {
        failed++;
      }
    }
    if (failed > 0) {
      LOG.warn("Could not delete {} uncommitted compacted files of {}; no snapshot references them, so they are "
          + "safe to remove", failed, table.name());
    }
  }
}
