package io.streametl.sink.state.aggregate;

import io.streametl.sink.state.CanonicalEncoder;
import io.streametl.sink.state.Durations;
import io.streametl.sink.state.EventTimes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.connect.errors.DataException;

/**
 * One aggregation over one Kafka partition: assigns each record to its windows, classifies it
 * against the partition's watermark, and accumulates one partial row per window and group for
 * the current commit cycle.
 *
 * <p><b>State.</b> Partial rows are mergeable, so a window never has to be held open or closed:
 * every cycle writes what it saw and starts empty. The only state that outlives a cycle is the
 * highest event time seen ({@link #maxEventTimeMillis()}), from which the watermark follows;
 * record it with the cycle's offsets and pass it back when the partition is restored. Given it,
 * every decision (windows, lateness, rejection) depends only on the records, so a replay from
 * the committed offset decides exactly as the first run did.
 *
 * <p><b>Cycle.</b> {@link #add} records (or {@link #observe} those a replay must not add
 * again); at commit take {@link #partialRows()} and {@link #maxEventTimeMillis()}, commit them
 * with the offsets, then {@link #markCommitted()}; if the commit fails, {@link #rollback()} and
 * replay from the committed offsets. A commit published while the next cycle already takes
 * records: take {@link #partialRows()}, {@link #seal()}, then {@link #markSealedCommitted()} once
 * it succeeded (or {@link #rollback()}, which also forgets the newer cycle). Not thread-safe.
 */
public final class WindowAggregator {

  /** {@link #maxEventTimeMillis()} of a partition that has seen no record. */
  public static final long NO_TIME = Long.MIN_VALUE;

  private final AggregationSpec spec;
  private final long sizeMillis;
  private final long hopMillis;
  private final long delayMillis;
  private final long latenessMillis;
  private final Long maxAheadMillis;
  private final CanonicalEncoder encoder = new CanonicalEncoder();
  private final SketchFormat sketches;
  private final Map<GroupKey, MetricAccumulator[]> cells = new HashMap<>();
  private long maxEventTime;
  private long sealedMaxEventTime;
  private long committedMaxEventTime;

  /**
   * @param restoredMaxEventTime what {@link #maxEventTimeMillis()} returned when the restored
   *     offset was committed, or {@link #NO_TIME} for a partition never committed
   */
  public WindowAggregator(AggregationSpec spec, long restoredMaxEventTime) {
    this(spec, restoredMaxEventTime, SketchFormat.TRINO_HLL);
  }

  /**
   * @param restoredMaxEventTime as for {@link #WindowAggregator(AggregationSpec, long)}
   * @param sketches the format of approx_distinct sketches, the one the destination's SQL merges
   */
  public WindowAggregator(AggregationSpec spec, long restoredMaxEventTime, SketchFormat sketches) {
    this.spec = spec;
    this.sketches = sketches;
    this.sizeMillis = spec.window().size().toMillis();
    this.hopMillis = spec.window().hop().toMillis();
    this.delayMillis = spec.watermarkDelay().toMillis();
    this.latenessMillis = spec.allowedLateness().toMillis();
    this.maxAheadMillis = spec.maxAheadOfRecordTime().map(d -> d.toMillis()).orElse(null);
    this.maxEventTime = restoredMaxEventTime;
    this.sealedMaxEventTime = restoredMaxEventTime;
    this.committedMaxEventTime = restoredMaxEventTime;
  }

  public AggregationSpec spec() {
    return spec;
  }

  /**
   * Adds one record to the cycle, unless it is too late for all its windows.
   *
   * @param recordTimestamp {@code SinkRecord.timestamp()}, null if none
   * @throws DataException if the record cannot be aggregated (no event time, a value of the wrong
   *     type); nothing was changed, so it can go to the dead-letter queue
   */
  public AddResult add(Object recordValue, Long recordTimestamp) {
    return apply(recordValue, recordTimestamp, true);
  }

  /**
   * Takes a record's decisions (it moves the watermark, and is classified and validated as
   * {@link #add} would) without adding it to the cycle's rows: for a replayed record that the
   * aggregation's table already holds (below that table's own committed offset), so that the
   * records after it are decided exactly as in the first run.
   *
   * @throws DataException as {@link #add}
   */
  public AddResult observe(Object recordValue, Long recordTimestamp) {
    return apply(recordValue, recordTimestamp, false);
  }

  private AddResult apply(Object recordValue, Long recordTimestamp, boolean accumulate) {
    long eventTime = EventTimes.read(recordValue, spec.timeField());
    if (maxAheadMillis != null && recordTimestamp != null && recordTimestamp >= 0
        && eventTime - recordTimestamp > maxAheadMillis) {
      throw new DataException("the time field '" + spec.timeField() + "' is more than "
          + Durations.format(spec.maxAheadOfRecordTime().get()) + " ahead of the record's Kafka timestamp; a clock that far ahead "
          + "would close every open window (see aggregation '" + spec.name() + "', time-field.max-ahead)");
    }
    Object[] groupValues = GroupValues.read(spec.groupBy(), recordValue);
    byte[] groupEncoding = encodeGroup(groupValues);
    Object[] inputs = new Object[spec.metrics().size()];
    for (int i = 0; i < inputs.length; i++) {
      inputs[i] = MetricInputs.read(spec.metrics().get(i), recordValue);
    }

    // The record is valid: from here on nothing can fail.
    if (maxEventTime == NO_TIME || eventTime > maxEventTime) {
      maxEventTime = eventTime;
    }
    long watermark = watermarkMillis();
    int taken = 0;
    int late = 0;
    int dropped = 0;
    long latestStart = spec.window().latestStart(eventTime);
    for (long start = latestStart; start > eventTime - sizeMillis; start -= hopMillis) {
      long end = start + sizeMillis;
      if (end <= watermark && end + latenessMillis <= watermark) {
        dropped++;
        continue;
      }
      if (end <= watermark) {
        late++;
      }
      taken++;
      if (accumulate) {
        accumulate(new GroupKey(start, groupEncoding, groupValues), inputs);
      }
    }
    Lateness lateness = taken == 0 ? Lateness.TOO_LATE : late > 0 ? Lateness.LATE : Lateness.ON_TIME;
    return new AddResult(lateness, taken, late, dropped);
  }

  private byte[] encodeGroup(Object[] groupValues) {
    encoder.reset().tuple(groupValues.length);
    for (Object value : groupValues) {
      encoder.value(value, "a group-by value");
    }
    return encoder.toByteArray();
  }

  private void accumulate(GroupKey key, Object[] inputs) {
    MetricAccumulator[] accumulators = cells.computeIfAbsent(key, k -> {
      MetricAccumulator[] created = new MetricAccumulator[inputs.length];
      for (int i = 0; i < created.length; i++) {
        created[i] = MetricAccumulator.create(spec.metrics().get(i), sketches);
      }
      return created;
    });
    for (int i = 0; i < inputs.length; i++) {
      if (inputs[i] != null) {
        accumulators[i].add(inputs[i]);
      }
    }
  }

  /** The cycle's partial rows, one per window and group it touched, ordered by window then group. */
  public List<PartialRow> partialRows() {
    List<PartialRow> rows = new ArrayList<>(cells.size());
    new TreeMap<>(cells).forEach((key, accumulators) -> {
      Object[] metrics = new Object[accumulators.length];
      for (int i = 0; i < metrics.length; i++) {
        metrics[i] = accumulators[i].result();
      }
      rows.add(new PartialRow(Instant.ofEpochMilli(key.windowStart), Instant.ofEpochMilli(key.windowStart + sizeMillis),
          Arrays.asList(key.values), Arrays.asList(metrics)));
    });
    return rows;
  }

  /** Window and group combinations the cycle has touched (the rows it will write). */
  public int openCells() {
    return cells.size();
  }

  /** Whether the cycle added anything or moved the watermark. */
  public boolean hasUncommittedChanges() {
    return !cells.isEmpty() || maxEventTime != committedMaxEventTime;
  }

  /** The highest event time seen, to record with the cycle's offsets; {@link #NO_TIME} if none. */
  public long maxEventTimeMillis() {
    return maxEventTime;
  }

  /** The highest event time seen minus the watermark delay; {@link #NO_TIME} if none. */
  public long watermarkMillis() {
    return maxEventTime == NO_TIME ? NO_TIME : maxEventTime - delayMillis;
  }

  /** The cycle's rows are committed: start the next cycle empty. */
  public void markCommitted() {
    seal();
    markSealedCommitted();
  }

  /** Ends the cycle whose {@link #partialRows()} were taken: the next cycle starts empty, its commit pending. */
  public void seal() {
    cells.clear();
    sealedMaxEventTime = maxEventTime;
  }

  /** The sealed cycle is committed; what was added since {@link #seal()} stays in the current cycle. */
  public void markSealedCommitted() {
    committedMaxEventTime = sealedMaxEventTime;
  }

  /** Forgets the cycle (and a sealed one pending): back to the state of the last commit, for a replay from its offsets. */
  public void rollback() {
    cells.clear();
    maxEventTime = committedMaxEventTime;
    sealedMaxEventTime = committedMaxEventTime;
  }
}
