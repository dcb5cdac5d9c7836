package io.streametl.sink;

import io.streametl.common.Version;
import io.streametl.sink.state.aggregate.AddResult;
import io.streametl.sink.state.aggregate.AggregationSpec;
import io.streametl.sink.state.aggregate.TooLatePolicy;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sink task: drops duplicates, writes the remaining records as rows, feeds the windowed
 * aggregations, and commits each cycle to the destination together with the offsets after it and
 * the dedup/aggregation state as of those offsets. It never lets Connect commit an offset the
 * destination does not hold ({@link #preCommit} returns the destination's offsets), and on
 * partition assignment it restores the state and seeks to the offsets the destination holds, so
 * a restart neither loses nor repeats rows.
 *
 * <p>A cycle is sealed on the task thread (files complete, state files written, offsets fixed) and
 * published by a {@link CommitPublisher} thread while this thread takes the next cycle's records.
 * At most one commit is in flight: it is settled before the next cycle is sealed, before partitions
 * change hands, and before maintenance runs. If it fails, both cycles are discarded and the task
 * resumes from the offsets the destination holds, as for any failed commit.
 */
public class DedupAggregateSinkTask extends SinkTask {

  private static final Logger LOG = LoggerFactory.getLogger(DedupAggregateSinkTask.class);
  static final String TASK_ID = "streametl.task.id";

  private final Clock clock;
  private final BiFunction<SinkConfig, Integer, EventDestination> destinations;
  private final boolean publishInBackground;

  private EventDestination destination;
  private PartitionProgress progress;
  private PartitionStates states;
  private CommitTrigger trigger;
  private OffsetRefresh refresh;
  private ErrantRecords errants;
  private int maxConsecutiveFailures;
  private int consecutiveFailures;
  private CommitBackoff backoff;
  private boolean pausedForBackoff;
  private SinkTaskMetrics metrics;
  private CommitPublisher publisher;
  private InFlight inFlight;

  /** A published cycle whose outcome the task thread has not settled yet. */
  private record InFlight(PreparedCommit prepared, Map<TopicPartition, Long> offsets, boolean refreshing,
      long startedNanos, CompletableFuture<Void> outcome) {}

  public DedupAggregateSinkTask() {
    this(Clock.systemUTC(), Destinations::create, true);
  }

  /** A task whose commits are published on the task thread itself (each cycle waits for its commit). */
  DedupAggregateSinkTask(Clock clock, BiFunction<SinkConfig, Integer, EventDestination> destinations) {
    this(clock, destinations, false);
  }

  DedupAggregateSinkTask(Clock clock, BiFunction<SinkConfig, Integer, EventDestination> destinations,
      boolean publishInBackground) {
    this.clock = clock;
    this.destinations = destinations;
    this.publishInBackground = publishInBackground;
  }

  @Override
  public String version() {
    return Version.get();
  }

  @Override
  public void start(Map<String, String> props) {
    SinkConfig config = new SinkConfig(props);
    int taskId = Integer.parseInt(props.getOrDefault(TASK_ID, "0"));
    destination = destinations.apply(config, taskId);
    progress = new PartitionProgress();
    states = new PartitionStates(config.dedup().orElse(null), config.aggregations(), destination.sketchFormat());
    trigger = new CommitTrigger(clock, config.commitIntervalMs(), config.commitMaxRecords(), config.commitMaxBytes());
    refresh = new OffsetRefresh(clock, config.maintenance().offsetsRefreshInterval());
    errants = new ErrantRecords(reporter());
    destination.reportErrantRecordsTo(errants);
    maxConsecutiveFailures = config.commitMaxConsecutiveFailures();
    backoff = new CommitBackoff(clock, config.commitRetryBackoffMs(), config.commitRetryBackoffMaxMs());
    metrics = SinkTaskMetrics.register(context);
    publisher = publishInBackground
        ? CommitPublisher.background("streametl-commit-" + config.connectorName() + "-" + taskId)
        : CommitPublisher.onCallingThread();
  }

  private ErrantRecordReporter reporter() {
    try {
      return context.errantRecordReporter();
    } catch (NoSuchMethodError | NoClassDefFoundError e) {
      return null; // a runtime older than Kafka 2.6: errant records stop the task
    }
  }

  @Override
  public void open(Collection<TopicPartition> partitions) {
    settleInFlight(true);
    Map<TopicPartition, Long> committed = destination.committedOffsets(partitions);
    Map<TopicPartition, String> recorded = destination.committedStates(partitions);
    for (TopicPartition tp : partitions) {
      progress.assign(tp, committed.get(tp));
      if (states.isStateful()) {
        states.restore(tp, recorded.get(tp), committed.get(tp),
            recorded.containsKey(tp) ? destination.stateFiles() : null);
      }
    }
    if (!committed.isEmpty()) {
      context.offset(committed);
    }
    LOG.info("Assigned {}; resuming from the offsets the destination holds: {}", partitions, committed);
  }

  @Override
  public void put(Collection<SinkRecord> records) {
    metrics.recordsIn(records.size());
    for (SinkRecord record : records) {
      TopicPartition tp = new TopicPartition(record.originalTopic(), record.originalKafkaPartition());
      long offset = record.originalKafkaOffset();
      if (progress.alreadyTaken(tp, offset)) {
        continue; // already in the destination (redelivered after a seek or a rewind)
      }
      try {
        process(tp, offset, record);
      } catch (DataException e) {
        errants.report(record, e);
      }
      progress.take(tp, offset);
    }
    observeMetrics();
    commitIfDue();
    maintain();
    requestCallWhenDue();
  }

  private void observeMetrics() {
    metrics.observe(errants.reportedCount(), states.duplicatesDropped(), states.tooLateCounted(), states.dedupKeys());
  }

  private void process(TopicPartition tp, long offset, SinkRecord record) {
    if (record.value() == null) {
      throw new DataException("the record has a null value (a tombstone); the sink keeps no deletes");
    }
    if (!states.firstSeen(tp, record)) {
      return; // a duplicate within the TTL: neither a row nor part of any aggregate
    }
    states.checkAggregatable(record);
    destination.write(record);
    metrics.rowWritten();
    for (AggregationSpec spec : states.aggregations()) {
      boolean add = destination.aggregateAccepts(spec.name(), tp, offset);
      AddResult result = states.aggregate(tp, spec.name(), record, add);
      if (add && result.windowsTaken() == 0 && spec.tooLate() == TooLatePolicy.DEAD_LETTER) {
        errants.report(record, new DataException("the record is too late for aggregation '" + spec.name()
            + "': all its windows closed more than the allowed lateness ago (it is in the events table, "
            + "not in the aggregates)"));
      }
    }
  }

  @Override
  public Map<TopicPartition, OffsetAndMetadata> preCommit(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
    Map<TopicPartition, Long> consumed = new HashMap<>();
    currentOffsets.forEach((tp, om) -> consumed.put(tp, om.offset()));
    progress.advanceTo(consumed);
    commitIfDue();
    maintain();
    requestCallWhenDue();
    Map<TopicPartition, OffsetAndMetadata> result = new HashMap<>();
    progress.committed().forEach((tp, offset) -> result.put(tp, new OffsetAndMetadata(offset)));
    return result;
  }

  @Override
  public void close(Collection<TopicPartition> partitions) {
    // Commit what we have while we still own it; the next owner resumes from the table either way.
    try {
      commit();
      settleInFlight(true);
    } catch (RuntimeException e) {
      LOG.error("Commit before giving up {} failed; the uncommitted records are not lost, the next owner "
          + "reads them again from the offsets the destination holds", partitions, e);
      discardCycle();
    }
    progress.revoke(partitions);
    states.forget(partitions);
    destination.revoked(partitions);
  }

  @Override
  public void stop() {
    if (destination == null) {
      return;
    }
    try {
      // A commit still under way references files the abort below would delete: let it end.
      awaitCommitInFlight();
      inFlight = null;
      publisher.close();
      destination.abort();
    } finally {
      destination.close();
    }
  }

  private void commitIfDue() {
    settleInFlight(false);
    if (backoff.backingOff()) {
      return;
    }
    if (!context.assignment().isEmpty() && pausedForBackoff) {
      // The pause after a failed commit is over: consume again from the rewound offsets.
      context.resume(context.assignment().toArray(new TopicPartition[0]));
      pausedForBackoff = false;
    }
    if (trigger.isDue(destination.bufferedRecords(), destination.bufferedBytes())) {
      commit();
    }
  }

  /**
   * Asks Connect to call {@link #put} again (with no records if none arrive) when the next commit
   * or the end of a commit backoff is due. Without it, a consumer that finds nothing to read blocks
   * in {@code poll} until the worker's next offset flush ({@code offset.flush.interval.ms}, 60 s by
   * default), so the last records before a topic goes quiet would wait that long for their commit
   * instead of {@code commit.interval.ms}, and a paused task would resume that late.
   */
  private void requestCallWhenDue() {
    long waitMs;
    if (backoff.backingOff()) {
      waitMs = backoff.remainingMs();
    } else if (destination.bufferedRecords() > 0 || !progress.pending().isEmpty()) {
      waitMs = trigger.msUntilIntervalElapses();
    } else {
      return; // nothing to commit: Connect may poll as long as it likes
    }
    context.timeout(Math.max(1, waitMs)); // Connect ignores a timeout of 0
  }

  /** Between commit cycles, on this thread: maintenance never runs during a commit. */
  private void maintain() {
    if (inFlight != null) {
      return; // due again after the commit; a run never overlaps one
    }
    try {
      destination.maintain(clock);
    } catch (RuntimeException e) {
      // The destination counts and logs its own failures; this is the last guard that table
      // maintenance never stops the task (it never touches the offsets).
      LOG.warn("Table maintenance failed; the task carries on and maintenance is retried at its next run", e);
    }
  }

  /** Seals the cycle and hands its commit to the publisher, once the previous commit is settled. */
  private void commit() {
    boolean backToBack = inFlight != null;
    if (!settleInFlight(true)) {
      return; // the commit in flight failed: this cycle was discarded with it and is read again
    }
    if (backToBack) {
      maintain(); // commits that follow each other without a gap leave maintenance no other turn
    }
    trigger.restart();
    Map<TopicPartition, Long> pending = progress.pending();
    boolean refreshing = refresh.isDue() && !progress.committed().isEmpty();
    if ((pending.isEmpty() && !refreshing) || !destination.canCommit()) {
      // Nothing moved, or nothing valid has arrived yet to create the table from: the pending
      // offsets stay pending and are committed with the first rows.
      return;
    }
    errants.awaitReported();
    long started = System.nanoTime();
    PreparedCommit prepared;
    Map<TopicPartition, Long> offsets = new HashMap<>(pending);
    try {
      for (AggregationSpec spec : states.aggregations()) {
        destination.writeAggregateRows(spec.name(), states.partialRows(spec));
      }
      Map<TopicPartition, String> stateDocuments = states.isStateful()
          ? new HashMap<>(states.persist(pending, progress.committed(), destination.stateFiles())) : new HashMap<>();
      if (refreshing) {
        // Idle partitions are recorded again with their unchanged offsets and state.
        Map<TopicPartition, Long> idle = new HashMap<>(progress.committed());
        idle.keySet().removeAll(pending.keySet());
        offsets.putAll(idle);
        if (states.isStateful()) {
          stateDocuments.putAll(states.unchangedDocuments(idle.keySet()));
        }
      }
      if (states.isStateful()) {
        states.seal();
      }
      prepared = destination.prepare(offsets, stateDocuments, refreshing);
    } catch (RuntimeException e) {
      failed(e);
      return;
    }
    inFlight = new InFlight(prepared, offsets, refreshing, started, publisher.submit(prepared));
    settleInFlight(false);
  }

  /**
   * Waits until the commit in flight, if any, has ended either way, without settling it: the next
   * put or preCommit settles it.
   */
  void awaitCommitInFlight() {
    if (inFlight != null) {
      inFlight.outcome().handle((ignored, error) -> null).join();
    }
  }

  /**
   * Settles the commit in flight if it has ended, or (if {@code wait}) once it has ended.
   *
   * @return false if it failed (the cycles since the last successful commit are discarded)
   */
  private boolean settleInFlight(boolean wait) {
    if (inFlight == null || !wait && !inFlight.outcome().isDone()) {
      return true;
    }
    InFlight settled = inFlight;
    inFlight = null;
    try {
      settled.outcome().join();
    } catch (CompletionException | CancellationException e) {
      RuntimeException cause = e.getCause() instanceof RuntimeException runtime ? runtime
          : new ConnectException("publishing the commit failed", e.getCause() == null ? e : e.getCause());
      failed(settled.prepared().failed(cause));
      return false;
    }
    settled.prepared().published();
    progress.markCommitted(settled.offsets());
    if (states.isStateful()) {
      states.committed(destination.stateFiles());
    }
    if (settled.refreshing()) {
      refresh.done();
    }
    consecutiveFailures = 0;
    backoff.succeeded();
    metrics.committed((System.nanoTime() - settled.startedNanos()) / 1_000_000);
    observeMetrics();
    LOG.debug("Committed {}; {} duplicates dropped and {} too-late records so far", settled.offsets(),
        states.duplicatesDropped(), states.tooLateCounted());
    return true;
  }

  /** A commit failed, while sealing or publishing: nothing of it is in the destination. */
  private void failed(RuntimeException error) {
    if (error instanceof ConcurrentCommitException concurrent) {
      LOG.warn("{}; discarding this task's uncommitted rows and resuming from the destination's offsets {}",
          concurrent.getMessage(), concurrent.actualOffsets());
      discardCycle();
      // Another writer moved the offsets and the state with them: take both from the destination.
      open(progress.assigned());
      return;
    }
    if (error instanceof ConnectException) {
      throw error; // the task must stop (e.g. the catalog cannot say whether the commit happened)
    }
    consecutiveFailures++;
    rewind(Map.of());
    if (consecutiveFailures >= maxConsecutiveFailures) {
      throw new ConnectException("commit to the destination failed " + consecutiveFailures
          + " times in a row; the task stops and resumes from the destination's offsets when restarted", error);
    }
    long delay = backoff.failed(consecutiveFailures);
    pauseForBackoff();
    LOG.error("Commit to the destination failed ({} of {} allowed in a row); the cycle's rows were discarded "
        + "and will be read again from Kafka after {} ms", consecutiveFailures, maxConsecutiveFailures, delay, error);
  }


  private void pauseForBackoff() {
    if (!context.assignment().isEmpty()) {
      context.pause(context.assignment().toArray(new TopicPartition[0]));
      pausedForBackoff = true;
    }
  }

  private void rewind(Map<TopicPartition, Long> authoritative) {
    discardCycle();
    Map<TopicPartition, Long> seeks = progress.rewind(authoritative);
    if (!seeks.isEmpty()) {
      context.offset(seeks);
    }
  }

  private void discardCycle() {
    destination.abort();
    if (states.isStateful()) {
      states.rollback(destination.canCommit() ? destination.stateFiles() : null);
    }
  }
}
