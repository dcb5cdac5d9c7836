package io.streametl.stack.bench;

import java.time.Duration;
import java.util.OptionalDouble;

/**
 * One sink's throughput run.
 *
 * @param label which sink
 * @param rows rows in its (events) table at the end
 * @param expectedRows rows the table should hold once every record is consumed
 * @param throughput input records and value bytes over the time from creating the connector to the
 *     commit that made the last row visible; for an incomplete run, the share of the input that
 *     the landed rows stand for
 * @param steadyInputPerSecond input records per second between the first and the last commit with
 *     rows (start-up and the first interval excluded); empty with fewer than two such commits
 * @param middleInputPerSecond input records per second between the first commits that reached 10 %
 *     and 90 % of the expected rows: the rate while records were there to read (start-up and the
 *     run's end excluded); empty when the commits are too coarse to tell
 * @param toFirstCommit from creating the connector to its first commit with rows
 * @param commitsWithRows commits that added rows
 * @param dataFiles data files in the table at the end
 */
record SinkRunResult(String label, long rows, long expectedRows, Throughput throughput,
    OptionalDouble steadyInputPerSecond, OptionalDouble middleInputPerSecond,
    Duration toFirstCommit, long commitsWithRows, long dataFiles) {

  /** False when the table stalled short of the expected rows: rows were lost. */
  boolean complete() {
    return rows >= expectedRows;
  }
}
