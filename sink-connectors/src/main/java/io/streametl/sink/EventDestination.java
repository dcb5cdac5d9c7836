package io.streametl.sink;

import io.streametl.sink.state.aggregate.SketchFormat;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Where the sink's rows go, and where its Kafka offsets are kept with them (DESIGN.md, decision
 * 4): a commit makes the rows of a cycle and the offsets after them visible atomically, so the
 * destination alone says where a task resumes.
 */
public interface EventDestination extends AutoCloseable {

  /**
   * Takes newly assigned partitions and returns the next offsets to resume them from, as the
   * destination holds them (absent: never recorded).
   */
  Map<TopicPartition, Long> committedOffsets(Collection<TopicPartition> partitions);

  /**
   * The processing state recorded with the offsets {@link #committedOffsets} returned, per
   * partition (absent: none recorded).
   */
  Map<TopicPartition, String> committedStates(Collection<TopicPartition> partitions);

  /** Where the dedup state files live; available once {@link #canCommit()} is true. */
  StateFileStore stateFiles();

  /** False for a replayed record the aggregation's table already holds. */
  boolean aggregateAccepts(String aggregation, TopicPartition tp, long offset);

  /** Buffers the cycle's partial rows of an aggregation (column name to value). */
  void writeAggregateRows(String aggregation, List<Map<String, Object>> rows);

  /** Forgets partitions the task no longer owns. */
  void revoked(Collection<TopicPartition> partitions);

  /**
   * Buffers one record for the current cycle.
   *
   * @throws org.apache.kafka.connect.errors.DataException if this record cannot be written (it
   *     goes to the dead-letter queue; the cycle is unaffected)
   */
  void write(SinkRecord record);

  long bufferedRecords();

  long bufferedBytes();

  /** True when offsets can be committed now (e.g. the table exists). */
  boolean canCommit();

  /**
   * Commits the cycle's rows with these next offsets, provided the destination still holds the
   * offsets this task last committed or read; otherwise another writer got there first, nothing
   * is committed, and the exception carries the offsets to resume from.
   *
   * @throws ConcurrentCommitException if another writer moved the destination's offsets
   */
  void commit(Map<TopicPartition, Long> nextOffsets, Map<TopicPartition, String> states);

  /**
   * Commits like {@link #commit}, and records the offsets in every table the task writes, also in
   * those that received no rows in this cycle: the offsets refresh that keeps every partition's
   * newest recorded offsets young, so that snapshot expiry can move on (docs/decisions/0005).
   *
   * @throws ConcurrentCommitException if another writer moved the destination's offsets
   */
  default void refresh(Map<TopicPartition, Long> nextOffsets, Map<TopicPartition, String> states) {
    commit(nextOffsets, states);
  }

  /**
   * Ends the cycle on the task thread and returns its commit, to be published on any thread while
   * the task takes the next cycle's records ({@link #refresh} if {@code everyTable}, else {@link
   * #commit}). At most one prepared commit is outstanding: the task settles it ({@link
   * PreparedCommit#published()} or {@link PreparedCommit#failed}) before it prepares the next, or
   * changes partitions, or runs maintenance. This default commits right here, on the task thread.
   *
   * @throws ConcurrentCommitException as {@link #commit}, when committing here
   */
  default PreparedCommit prepare(Map<TopicPartition, Long> nextOffsets, Map<TopicPartition, String> states,
      boolean everyTable) {
    if (everyTable) {
      refresh(nextOffsets, states);
    } else {
      commit(nextOffsets, states);
    }
    return PreparedCommit.DONE;
  }

  /**
   * Runs table maintenance if this task runs it and a run is due. Called between commit cycles;
   * a maintenance failure is logged and counted here, never thrown.
   */
  default void maintain(Clock clock) {}

  /**
   * Gives the destination the task's dead-letter queue, for records it finds it cannot write only
   * while committing (rows the service rejects). Destinations that find every bad record in
   * {@link #write} ignore it.
   */
  default void reportErrantRecordsTo(ErrantRecordReporting errantRecords) {}

  /**
   * The format of the approx_distinct sketches in partial rows: the one the destination's SQL
   * engine merges (Trino's HyperLogLog for Iceberg tables).
   */
  default SketchFormat sketchFormat() {
    return SketchFormat.TRINO_HLL;
  }

  /** Discards the cycle's rows. */
  void abort();

  @Override
  void close();
}
