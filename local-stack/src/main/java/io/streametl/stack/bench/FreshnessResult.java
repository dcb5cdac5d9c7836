package io.streametl.stack.bench;

/**
 * One sink's freshness phase.
 *
 * @param rows rows the table held at the end
 * @param expectedRows rows it should have held (fewer rows: the sink stalled, rows were lost)
 * @param commitsWithRows snapshots that added rows
 * @param byCommitTime snapshot timestamp minus event_time, per row (the headline figure)
 * @param byFirstSeen time a polling reader first saw the snapshot minus event_time, per row
 * @param produceLag Kafka timestamp minus event_time, per record of the topic
 */
record FreshnessResult(String label, long rows, long expectedRows, long commitsWithRows,
    LatencySummary byCommitTime, LatencySummary byFirstSeen, LatencySummary produceLag) {

  boolean complete() {
    return rows >= expectedRows;
  }
}
