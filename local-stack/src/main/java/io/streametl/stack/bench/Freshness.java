package io.streametl.stack.bench;

import java.util.List;
import java.util.Map;

/**
 * Freshness per row: when the row became visible in the table minus its event time, which the
 * generator sets to the wall-clock time at which it emits the record (so, about produce time).
 */
final class Freshness {

  private Freshness() {}

  /** Snapshot timestamp minus event time, for every row of every snapshot. */
  static long[] byCommitTime(List<SnapshotRows> snapshots) {
    return latencies(snapshots, Map.of(), true);
  }

  /**
   * Time the harness first saw the snapshot in the catalog minus event time: an upper bound of
   * when a reader could see the row (off by at most one polling interval).
   * Rows of snapshots the harness never saw are left out.
   */
  static long[] byFirstSeen(List<SnapshotRows> snapshots, Map<Long, Long> firstSeenMillis) {
    return latencies(snapshots, firstSeenMillis, false);
  }

  private static long[] latencies(List<SnapshotRows> snapshots, Map<Long, Long> firstSeen,
      boolean commitTime) {
    int rows = 0;
    for (SnapshotRows snapshot : snapshots) {
      if (commitTime || firstSeen.containsKey(snapshot.snapshotId())) {
        rows += snapshot.eventTimesMillis().length;
      }
    }
    long[] latencies = new long[rows];
    int i = 0;
    for (SnapshotRows snapshot : snapshots) {
      Long visible = commitTime ? Long.valueOf(snapshot.committedAtMillis())
          : firstSeen.get(snapshot.snapshotId());
      if (visible == null) {
        continue;
      }
      for (long eventTime : snapshot.eventTimesMillis()) {
        latencies[i++] = visible - eventTime;
      }
    }
    return latencies;
  }
}
