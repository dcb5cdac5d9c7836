package io.streametl.stack.bench;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotSummary;
import org.apache.iceberg.Table;

/**
 * The commits of a table in commit order, and the rate at which rows arrived between its first
 * and last commit with rows: the sink's steady rate, without its start-up and its first interval.
 */
final class CommitTimeline {

  private final List<CommitPoint> points;

  CommitTimeline(List<CommitPoint> points) {
    this.points = List.copyOf(points);
  }

  /** The snapshots of a table (snapshot log order) that report total-records. */
  static CommitTimeline of(Table table) {
    table.refresh();
    List<CommitPoint> points = new java.util.ArrayList<>();
    for (Snapshot snapshot : table.snapshots()) {
      String total = snapshot.summary().get(SnapshotSummary.TOTAL_RECORDS_PROP);
      if (total != null) {
        points.add(new CommitPoint(snapshot.timestampMillis(), Long.parseLong(total)));
      }
    }
    return new CommitTimeline(points);
  }

  List<CommitPoint> points() {
    return points;
  }

  /** Commits that added rows (the anchor table of our sink may commit offsets alone). */
  long commitsWithRows() {
    long commits = 0;
    long previous = 0;
    for (CommitPoint point : points) {
      if (point.totalRecords() > previous) {
        commits++;
      }
      previous = point.totalRecords();
    }
    return commits;
  }

  Optional<CommitPoint> firstWithRows() {
    return points.stream().filter(p -> p.totalRecords() > 0).findFirst();
  }

  /** The first commit at which the table held at least {@code rows} rows. */
  Optional<CommitPoint> firstReaching(long rows) {
    return points.stream().filter(p -> p.totalRecords() >= rows).findFirst();
  }

  /**
   * Rows per second from the first commit with rows to the first commit that reached
   * {@code rows}; empty with fewer than two such commits or no time between them.
   */
  OptionalDouble steadyRowsPerSecond(long rows) {
    return rowsPerSecond(firstWithRows(), firstReaching(rows));
  }

  /**
   * Rows per second from the first commit that reached {@code fromRows} to the first that reached
   * {@code toRows}: the rate while the sink had records to read, without its start-up and without
   * the end of the run, where a sink that commits only when Connect calls it waits for the
   * worker's next offset flush once the topic has nothing left.
   */
  OptionalDouble rowsPerSecondBetween(long fromRows, long toRows) {
    return rowsPerSecond(firstReaching(fromRows), firstReaching(toRows));
  }

  private static OptionalDouble rowsPerSecond(Optional<CommitPoint> first, Optional<CommitPoint> last) {
    if (first.isEmpty() || last.isEmpty()) {
      return OptionalDouble.empty();
    }
    long millis = last.get().timestampMillis() - first.get().timestampMillis();
    if (millis <= 0) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of((last.get().totalRecords() - first.get().totalRecords()) * 1000.0
        / millis);
  }
}
