package io.streametl.sink.bigquery;

import com.google.auth.Credentials;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.storage.v1.BigQueryReadClient;
import com.google.cloud.bigquery.storage.v1.BigQueryWriteClient;
import io.streametl.sink.ConcurrentCommitException;
import io.streametl.sink.ErrantRecordReporting;
import io.streametl.sink.EventDestination;
import io.streametl.sink.StateFileStore;
import io.streametl.sink.bigquery.CommitLedger.Snapshot;
import io.streametl.sink.bigquery.CommitLedger.StreamRef;
import io.streametl.sink.state.aggregate.AggregationSpec;
import io.streametl.sink.state.aggregate.SketchFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a task's records into BigQuery and commits each cycle exactly once across its tables
 * (docs/decisions/0006): the cycle's rows go into finalized PENDING streams (one per table), the
 * dedup state files into the state table, then one atomic ledger commit records the offsets, the
 * state and the streams (the decision point), and last the streams are committed into their tables.
 * A crash after the decision point is completed by whichever task next opens the partitions, before
 * it resumes from the ledger's offsets; a crash before it leaves only invisible streams behind.
 */
public final class BigQueryDestination implements EventDestination {

  private static final Logger LOG = LoggerFactory.getLogger(BigQueryDestination.class);
  private static final String AGGREGATES_PARTITION_BY = "DAY(window_start)";

  private final BigQuerySettings settings;
  private final BigQueryTables tables;
  private final PendingStreams streams;
  private final CommitLedger ledger;
  private final StateTableFiles stateFiles;
  private final BigQueryWriteClient writeClient;
  private final BigQueryReadClient readClient;
  private final TargetTable events;
  private final Map<String, TargetTable> aggregates = new LinkedHashMap<>();
  private final Map<String, AggregationSpec> specs = new LinkedHashMap<>();
  private final Map<TopicPartition, Long> lastKnown = new HashMap<>();
  private final Map<TopicPartition, String> lastStates = new HashMap<>();
  private final Clock clock;
  private ErrantRecordReporting errantRecords;
  private boolean ready;
  /** How old a referenced state file may grow before it is written again; null: the state table never expires. */
  private Duration renewStateAfter;

  /** Connects to BigQuery with the configured credentials and endpoints. */
  public static BigQueryDestination create(BigQuerySettings settings, List<AggregationSpec> aggregations,
      String connectorName, int taskId) {
    Credentials credentials = BigQueryClients.credentials(settings.connection());
    return new BigQueryDestination(settings, aggregations, connectorName, taskId,
        BigQueryClients.rest(settings, credentials), BigQueryClients.write(settings, credentials),
        BigQueryClients.read(settings, credentials), Retrier.sleeping(settings.retry()), Clock.systemUTC());
  }

  BigQueryDestination(BigQuerySettings settings, List<AggregationSpec> aggregations, String connectorName, int taskId,
      BigQuery rest, BigQueryWriteClient writeClient, BigQueryReadClient readClient, Retrier retrier, Clock clock) {
    this.settings = settings;
    this.writeClient = writeClient;
    this.readClient = readClient;
    this.tables = new BigQueryTables(rest, retrier);
    this.streams = new PendingStreams(writeClient, retrier, settings.maxRequestBytes());
    FilteredRows reads = new FilteredRows(readClient, retrier);
    this.ledger = new CommitLedger(reads, streams, settings.ledgerTable(), connectorName, taskId, clock);
    this.stateFiles = new StateTableFiles(reads, streams, settings.stateTable(), connectorName, clock);
    this.clock = clock;
    this.events = new TargetTable(settings.eventsTable(), tables, streams, settings.autoCreate(),
        settings.evolveSchema(), settings.partitionBy(), settings.clusterBy());
    for (AggregationSpec spec : aggregations) {
      TableRef ref = settings.aggregateTables().get(spec.name());
      if (ref == null) {
        throw new ConnectException("no BigQuery table for aggregation '" + spec.name() + "'");
      }
      specs.put(spec.name(), spec);
      // Partial rows are read by window: partitioned by the day their window starts, clustered by group.
      aggregates.put(spec.name(), new TargetTable(ref, tables, streams, true, true, AGGREGATES_PARTITION_BY,
          spec.groupColumns().stream().limit(4).toList()));
    }
  }

  /** The dataset and the ledger and state tables, created once per task when missing. */
  private void ensureReady() {
    if (ready) {
      return;
    }
    if (settings.autoCreate()) {
      tables.ensureDataset(settings.project(), settings.dataset(), settings.location());
    }
    // Positions stay young without any work here: the offsets refresh records them again (decision 0008).
    tables.ensureCommitTable(ledger.table(), CommitLedger.SCHEMA, CommitLedger.CLUSTERING, settings.retention());
    Duration stateExpiration = tables.ensureCommitTable(stateFiles.table(), StateTableFiles.SCHEMA,
        StateTableFiles.CLUSTERING, settings.retention());
    renewStateAfter = stateExpiration == null ? null : BigQueryConfig.renewAfter(stateExpiration);
    ready = true;
  }

  @Override
  public void reportErrantRecordsTo(ErrantRecordReporting errantRecords) {
    this.errantRecords = errantRecords;
  }

  @Override
  public Map<TopicPartition, Long> committedOffsets(Collection<TopicPartition> partitions) {
    ensureReady();
    Snapshot snapshot = ledger.read(partitions);
    // A commit that reached the ledger but not all its tables (its task died in between) is
    // completed here, before anyone resumes after it: committing a stream twice is harmless.
    for (StreamRef stream : snapshot.streamsToComplete()) {
      if (streams.commit(stream.table(), stream.stream())) {
        LOG.info("Made the rows of write stream {} visible in {}: its commit was recorded in the ledger by a task "
            + "that stopped before completing it", stream.stream(), stream.table());
      }
    }
    partitions.forEach(lastKnown::remove);
    partitions.forEach(lastStates::remove);
    lastKnown.putAll(snapshot.offsets());
    lastStates.putAll(snapshot.states());
    stateFiles.expectFilesOf(snapshot.states().values());
    return snapshot.offsets();
  }

  @Override
  public Map<TopicPartition, String> committedStates(Collection<TopicPartition> partitions) {
    Map<TopicPartition, String> states = new HashMap<>();
    for (TopicPartition tp : partitions) {
      if (lastStates.containsKey(tp)) {
        states.put(tp, lastStates.get(tp));
      }
    }
    return states;
  }

  @Override
  public StateFileStore stateFiles() {
    return stateFiles;
  }

  /** HLL++ sketches, which the fold view merges with HLL_COUNT.MERGE. */
  @Override
  public SketchFormat sketchFormat() {
    return SketchFormat.BIGQUERY_HLL_PLUS_PLUS;
  }

  @Override
  public boolean aggregateAccepts(String aggregation, TopicPartition tp, long offset) {
    return true; // every table of a cycle becomes visible with the cycle: no table runs ahead of the ledger
  }

  @Override
  public void writeAggregateRows(String aggregation, List<Map<String, Object>> rows) {
    TargetTable table = aggregates.get(aggregation);
    for (Map<String, Object> row : rows) {
      try {
        table.add(row, null);
      } catch (DataException e) {
        throw new ConnectException("a partial row of aggregation '" + aggregation + "' does not fit " + table.ref()
            + ": " + e.getMessage() + "; declare the metric's type (e.g. sum(amount):decimal)", e);
      }
    }
  }

  @Override
  public void revoked(Collection<TopicPartition> partitions) {
    partitions.forEach(lastKnown::remove);
    partitions.forEach(lastStates::remove);
  }

  @Override
  public void write(SinkRecord record) {
    if (record.value() == null) {
      throw new DataException("the record has a null value (a tombstone); the events table keeps no deletes");
    }
    events.add(record.value(), record);
  }

  @Override
  public long bufferedRecords() {
    return events.bufferedRows();
  }

  @Override
  public long bufferedBytes() {
    return events.bufferedBytes() + aggregates.values().stream().mapToLong(TargetTable::bufferedBytes).sum();
  }

  @Override
  public boolean canCommit() {
    return true;
  }

  @Override
  public void commit(Map<TopicPartition, Long> nextOffsets, Map<TopicPartition, String> states) {
    ensureReady();
    String commitId = UUID.randomUUID().toString();
    List<StreamRef> written = new ArrayList<>();
    try {
      for (TargetTable table : allTables()) {
        if (!table.rows().isEmpty()) {
          written.add(new StreamRef(table.ref(),
              streams.writeFinalized(table.ref(), table.encoder(), table.rows(), this::rejected)));
        }
      }
      if (errantRecords != null) {
        errantRecords.awaitReported(); // rejected rows are in the dead-letter queue before their offsets move on
      }
      renewOldStateFiles(states);
      stateFiles.commitPending();
      ensureNotMoved(nextOffsets.keySet());
    } catch (RuntimeException e) {
      abort(); // nothing is visible: the finalized streams are never committed
      throw e;
    }
    try {
      ledger.record(commitId, nextOffsets, states, written);
    } catch (RuntimeException e) {
      abort();
      throw new ConnectException("recording commit " + commitId + " in the ledger " + ledger.table()
          + " failed and its outcome is unknown; the task stops, and when it starts again it resumes from what the "
          + "ledger holds (completing the commit if it was recorded)", e);
    }
    lastKnown.putAll(nextOffsets);
    try {
      for (StreamRef stream : written) {
        streams.commit(stream.table(), stream.stream());
      }
    } catch (RuntimeException e) {
      throw new ConnectException("commit " + commitId + " is recorded in the ledger but not all its rows are "
          + "visible yet; the task stops, and the next task to open its partitions completes it", e);
    } finally {
      allTables().forEach(TargetTable::clear);
    }
    refreshFoldViews();
    LOG.debug("Committed {} to BigQuery: {} streams, offsets {}", commitId, written.size(), nextOffsets);
  }

  /**
   * The state files these positions reference are written again when they are old enough that their
   * partition of the state table could expire before the next offsets refresh (decision 0008).
   */
  private void renewOldStateFiles(Map<TopicPartition, String> states) {
    if (renewStateAfter == null || states.isEmpty()) {
      return;
    }
    Instant cutoff = clock.instant().minus(renewStateAfter);
    int renewed = stateFiles.renewOlderThan(states.values(), cutoff.getEpochSecond() * 1_000_000L + cutoff.getNano() / 1000);
    if (renewed > 0) {
      LOG.info("Writing {} dedup state files again with this commit: they are older than {}, and the state "
          + "table's partitions expire after {}", renewed, renewStateAfter, settings.retention());
    }
  }

  private void rejected(BufferedRow row, String reason) {
    if (row.record() == null) {
      throw new ConnectException("BigQuery rejected a partial row of an aggregation: " + reason);
    }
    if (errantRecords == null) {
      throw new DataException(reason);
    }
    errantRecords.report(row.record(), new DataException(reason));
  }

  /** Another writer (a zombie, or the partitions' new owner) moved the ledger's offsets since we last did. */
  private void ensureNotMoved(Collection<TopicPartition> partitions) {
    Map<TopicPartition, Long> moved = ledger.movedBeyond(partitions, lastKnown);
    if (!moved.isEmpty()) {
      throw new ConcurrentCommitException(moved);
    }
  }

  private void refreshFoldViews() {
    if (!settings.foldViews()) {
      return;
    }
    specs.forEach((name, spec) -> {
      TargetTable table = aggregates.get(name);
      if (table.schema() != null && table.takeSchemaChanged()) {
        TableRef view = new TableRef(table.ref().project(), table.ref().dataset(), table.ref().table() + "_folded");
        try {
          tables.createOrReplaceView(view, FoldViewSql.of(spec, table.ref(), table.schema()));
        } catch (RuntimeException e) {
          LOG.warn("Could not create or update the fold view {}; the partial rows are unaffected and the view is "
              + "retried when the table's columns change: {}", view, e.getMessage());
        }
      }
    });
  }

  private List<TargetTable> allTables() {
    List<TargetTable> all = new ArrayList<>();
    all.add(events);
    all.addAll(aggregates.values());
    return all;
  }

  @Override
  public void abort() {
    allTables().forEach(TargetTable::clear);
    stateFiles.discardPending();
  }

  @Override
  public void close() {
    abort();
    writeClient.close();
    readClient.close();
    try {
      writeClient.awaitTermination(5, TimeUnit.SECONDS);
      readClient.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
