package io.streametl.stack.bench;

/**
 * The rows one Iceberg snapshot added, reduced to what freshness needs.
 *
 * @param committedAtMillis the snapshot's timestamp (set by the committing sink task's clock)
 * @param eventTimesMillis the event_time of every row in the data files it added
 */
record SnapshotRows(long snapshotId, long committedAtMillis, long[] eventTimesMillis) {}
