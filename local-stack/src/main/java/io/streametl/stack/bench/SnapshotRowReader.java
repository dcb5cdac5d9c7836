package io.streametl.stack.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;

/**
 * Walks a table's snapshots in commit order and reads one time column of the rows each snapshot
 * appended: an incremental append scan from its parent (both sinks only append).
 */
final class SnapshotRowReader {

  private SnapshotRowReader() {}

  static List<SnapshotRows> read(Table table, String timeColumn) {
    table.refresh();
    if (table.schema().findField(timeColumn) == null) {
      throw new BenchmarkException(table.name() + " has no column " + timeColumn);
    }
    List<SnapshotRows> result = new ArrayList<>();
    for (Snapshot snapshot : table.snapshots()) {
      IcebergGenerics.ScanBuilder scan = IcebergGenerics.read(table).select(timeColumn);
      scan = snapshot.parentId() == null ? scan.useSnapshot(snapshot.snapshotId())
          : scan.appendsBetween(snapshot.parentId(), snapshot.snapshotId());
      LongList times = new LongList();
      try (CloseableIterable<Record> rows = scan.build()) {
        for (Record row : rows) {
          Object value = row.getField(timeColumn);
          if (value != null) {
            times.add(epochMillis(value));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Could not read the rows of snapshot "
            + snapshot.snapshotId() + " of " + table.name(), e);
      }
      if (times.size() > 0) {
        result.add(new SnapshotRows(snapshot.snapshotId(), snapshot.timestampMillis(),
            times.toArray()));
      }
    }
    return result;
  }

  static long epochMillis(Object value) {
    if (value instanceof OffsetDateTime time) {
      return time.toInstant().toEpochMilli();
    }
    if (value instanceof LocalDateTime time) {
      return time.toInstant(ZoneOffset.UTC).toEpochMilli();
    }
    if (value instanceof Long millis) {
      return millis;
    }
    throw new BenchmarkException("Cannot read a time from a " + value.getClass().getName());
  }
}
