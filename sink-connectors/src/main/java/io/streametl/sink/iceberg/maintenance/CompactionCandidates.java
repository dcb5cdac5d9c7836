package io.streametl.sink.iceberg.maintenance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataOperations;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.util.PartitionMap;
import org.apache.iceberg.util.PartitionSet;
import org.apache.iceberg.util.SnapshotUtil;

/**
 * What compaction may rewrite: the small files (below 3/4 of the target size, as in Iceberg's own
 * rewrite action) of closed partitions, a partition being closed when no commit other than a
 * compaction added a file to it since a given time; and how they are packed into groups.
 */
final class CompactionCandidates {

  private CompactionCandidates() {}

  /** Per closed partition with enough small files, its small files; partitions with the most first. */
  static List<List<FileScanTask>> smallFilesOfClosedPartitions(Table table, Snapshot start, long target,
      long closedBeforeMillis, int minFiles) {
    PartitionSet open = recentlyWritten(table, start, closedBeforeMillis);
    PartitionMap<List<FileScanTask>> small = PartitionMap.create(table.specs());
    int specId = table.spec().specId();
    try (CloseableIterable<FileScanTask> tasks = table.newScan().useSnapshot(start.snapshotId()).planFiles()) {
      for (FileScanTask task : tasks) {
        DataFile file = task.file();
        // Files with deletes would need their deletes applied and rewritten too; files of an older
        // partition spec would land in other partitions. The sink writes neither; leave them alone.
        if (file.fileSizeInBytes() * 4 >= target * 3 || !task.deletes().isEmpty() || file.specId() != specId
            || open.contains(file.specId(), file.partition())) {
          continue;
        }
        small.computeIfAbsent(file.specId(), file.partition(), ArrayList::new).add(task);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the data files of " + table.name(), e);
    }
    List<List<FileScanTask>> candidates = new ArrayList<>();
    small.values().forEach(files -> {
      if (files.size() >= minFiles) {
        candidates.add(files);
      }
    });
    candidates.sort(Comparator.comparingInt(files -> -files.size()));
    return candidates;
  }

  /** Partitions a commit (other than a compaction) added a file to since the given time: still open. */
  private static PartitionSet recentlyWritten(Table table, Snapshot start, long sinceMillis) {
    PartitionSet open = PartitionSet.create(table.specs());
    for (Snapshot snapshot : SnapshotUtil.ancestorsOf(start.snapshotId(), table::snapshot)) {
      if (snapshot.timestampMillis() < sinceMillis) {
        break;
      }
      if (DataOperations.REPLACE.equals(snapshot.operation())) {
        continue;
      }
      for (DataFile file : snapshot.addedDataFiles(table.io())) {
        open.add(file.specId(), file.partition());
      }
    }
    return open;
  }

  /** Packs a partition's small files, smallest first, into groups of at most the target size. */
  static List<List<FileScanTask>> groups(List<FileScanTask> files, long target) {
    List<FileScanTask> sorted = new ArrayList<>(files);
    sorted.sort(Comparator.comparingLong(t -> t.file().fileSizeInBytes()));
    List<List<FileScanTask>> groups = new ArrayList<>();
    List<FileScanTask> current = new ArrayList<>();
    long size = 0;
    for (FileScanTask task : sorted) {
      long fileSize = task.file().fileSizeInBytes();
      if (!current.isEmpty() && size + fileSize > target) {
        groups.add(current);
        current = new ArrayList<>();
        size = 0;
      }
      current.add(task);
      size += fileSize;
    }
    if (current.size() > 1) {
      groups.add(current);
    }
    groups.removeIf(group -> group.size() < 2);
    return groups;
  }
}
