package io.streametl.sink.iceberg;

import io.streametl.sink.ConcurrentCommitException;
import io.streametl.sink.EventDestination;
import io.streametl.sink.PreparedCommit;
import io.streametl.sink.StateFileStore;
import io.streametl.sink.iceberg.maintenance.TableMaintenance;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.FileIO;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a task's records into Iceberg tables and commits each cycle exactly once across them:
 * every table with rows commits first with its own offsets, then the anchor table (the default
 * events table) commits last with the offsets the task resumes from (docs/decisions/0001).
 */
public final class IcebergDestination implements EventDestination {

  private static final Logger LOG = LoggerFactory.getLogger(IcebergDestination.class);

  private final Catalog catalog;
  private final TableRouter router;
  private final TableSettings settings;
  private final OffsetLedger ledger;
  private final int taskId;
  private final Map<TableIdentifier, TableSink> tables = new LinkedHashMap<>();
  private final Map<String, TableSink> aggregateTables = new LinkedHashMap<>();
  private final String connectorName;
  private final Set<TopicPartition> assigned = new HashSet<>();
  private final TableMaintenance maintenance;   // null: another task maintains the tables
  private final ExecutorService manifestPool;
  private Object firstValueOfCycle;

  public IcebergDestination(Catalog catalog, TableRouter router, TableSettings settings, String connectorName,
      int taskId) {
    this(catalog, router, settings, Map.of(), settings, connectorName, taskId);
  }

  /**
   * @param aggregationTables the table of each aggregation's partial rows
   * @param aggregateSettings how those tables are created (partitioned by window start)
   */
  public IcebergDestination(Catalog catalog, TableRouter router, TableSettings settings,
      Map<String, TableIdentifier> aggregationTables, TableSettings aggregateSettings, String connectorName,
      int taskId) {
    this(catalog, router, settings, aggregationTables, aggregateSettings, connectorName, taskId, null);
  }

  /** @param maintenance the table maintenance this task runs, or null (only one task per connector runs it) */
  public IcebergDestination(Catalog catalog, TableRouter router, TableSettings settings,
      Map<String, TableIdentifier> aggregationTables, TableSettings aggregateSettings, String connectorName,
      int taskId, TableMaintenance maintenance) {
    this.maintenance = maintenance;
    this.catalog = catalog;
    this.router = router;
    this.settings = settings;
    this.ledger = new OffsetLedger(connectorName);
    this.taskId = taskId;
    this.connectorName = connectorName;
    this.manifestPool = TaskWorkerPool.create("streametl-iceberg-" + connectorName + "-" + taskId);
    tables.put(router.defaultTable(), newSink(router.defaultTable()));
    aggregationTables.forEach((name, identifier) ->
        aggregateTables.put(name, new TableSink(catalog, identifier, aggregateSettings, ledger, taskId, manifestPool)));
  }

  private List<TableSink> allSinks() {
    List<TableSink> all = new ArrayList<>(tables.values());
    all.addAll(aggregateTables.values());
    return all;
  }

  private TableSink newSink(TableIdentifier identifier) {
    return new TableSink(catalog, identifier, settings, ledger, taskId, manifestPool);
  }

  private TableSink anchor() {
    return tables.get(router.defaultTable());
  }

  private TableSink sink(TableIdentifier identifier) {
    return tables.computeIfAbsent(identifier, id -> {
      TableSink sink = newSink(id);
      sink.open(assigned);
      return sink;
    });
  }

  @Override
  public Map<TopicPartition, Long> committedOffsets(Collection<TopicPartition> partitions) {
    assigned.addAll(partitions);
    allSinks().forEach(sink -> sink.open(partitions));
    return anchor().entries(partitions);
  }

  @Override
  public Map<TopicPartition, String> committedStates(Collection<TopicPartition> partitions) {
    return anchor().states(partitions);
  }

  @Override
  public void revoked(Collection<TopicPartition> partitions) {
    assigned.removeAll(partitions);
    allSinks().forEach(sink -> sink.close(partitions));
  }

  @Override
  public StateFileStore stateFiles() {
    Table table = anchor().table();
    if (table == null) {
      throw new IllegalStateException("the anchor table " + router.defaultTable() + " does not exist yet");
    }
    String folder = stateFolder(table, connectorName);
    FileIO io = table.io();
    return new StateFileStore() {
      @Override
      public OutputStream create(String name) {
        return io.newOutputFile(folder + name).createOrOverwrite();
      }

      @Override
      public InputStream open(String name) {
        return io.newInputFile(folder + name).newStream();
      }

      @Override
      public void delete(String name) {
        io.deleteFile(folder + name);
      }
    };
  }

  /** Where a connector keeps its dedup state files: under the anchor table, so they move with it. */
  public static String stateFolder(Table anchor, String connectorName) {
    return anchor.location() + "/streametl-state/" + connectorName + "/";
  }

  @Override
  public boolean aggregateAccepts(String aggregation, TopicPartition tp, long offset) {
    return aggregateTables.get(aggregation).accepts(tp, offset);
  }

  @Override
  public void writeAggregateRows(String aggregation, List<Map<String, Object>> rows) {
    TableSink sink = aggregateTables.get(aggregation);
    for (Map<String, Object> row : rows) {
      sink.write(row);
    }
  }

  @Override
  public void write(SinkRecord record) {
    Object value = record.value();
    if (value == null) {
      throw new DataException("the record has a null value (a tombstone); the events table keeps no deletes");
    }
    TableSink sink = sink(router.route(record));
    TopicPartition tp = new TopicPartition(record.originalTopic(), record.originalKafkaPartition());
    if (!sink.accepts(tp, record.originalKafkaOffset())) {
      return; // this table committed it before a restart; the anchor had not
    }
    sink.write(value);
    if (firstValueOfCycle == null) {
      firstValueOfCycle = value;
    }
  }

  @Override
  public long bufferedRecords() {
    return tables.values().stream().mapToLong(TableSink::bufferedRecords).sum();
  }

  @Override
  public long bufferedBytes() {
    return allSinks().stream().mapToLong(TableSink::bufferedBytes).sum();
  }

  @Override
  public boolean canCommit() {
    return anchor().exists() || firstValueOfCycle != null;
  }

  @Override
  public void commit(Map<TopicPartition, Long> nextOffsets, Map<TopicPartition, String> states) {
    publishNow(prepare(nextOffsets, states, false));
  }

  @Override
  public void refresh(Map<TopicPartition, Long> nextOffsets, Map<TopicPartition, String> states) {
    publishNow(prepare(nextOffsets, states, true));
  }

  private static void publishNow(PreparedCommit prepared) {
    try {
      prepared.publish();
    } catch (RuntimeException e) {
      throw prepared.failed(e);
    }
    prepared.published();
  }

  /**
   * Seals the cycle of every table with rows (and, for the offsets refresh, of every existing
   * table) on the task thread. Publishing commits every such table first with its own offsets,
   * then the anchor table last with the offsets the task resumes from and the state documents.
   */
  @Override
  public PreparedCommit prepare(Map<TopicPartition, Long> nextOffsets, Map<TopicPartition, String> states,
      boolean everyTable) {
    List<TableSink.SealedCycle> sealed = new ArrayList<>();
    try {
      if (!anchor().exists()) {
        // Every row went to routed tables so far: the anchor is created from a row's shape so it
        // can record the offsets (it receives rows later, when records match no route).
        anchor().createLike(firstValueOfCycle);
      }
      for (TableSink sink : allSinks()) {
        if (sink != anchor() && (sink.touched() || everyTable && sink.exists())) {
          sealed.add(sink.seal(nextOffsets, Map.of()));
        }
      }
      sealed.add(anchor().seal(nextOffsets, states.isEmpty() ? Map.of()
          : Map.of(ledger.stateKey(), ledger.encodeStates(states))));
    } catch (RuntimeException e) {
      sealed.forEach(TableSink.SealedCycle::discardIfUnattempted);
      throw e;
    } finally {
      firstValueOfCycle = null;
    }
    return new SealedTables(sealed, nextOffsets.keySet());
  }

  /** The sealed cycles of one commit, the anchor's last. */
  private final class SealedTables implements PreparedCommit {

    private final List<TableSink.SealedCycle> cycles;
    private final Set<TopicPartition> partitions;

    SealedTables(List<TableSink.SealedCycle> cycles, Set<TopicPartition> partitions) {
      this.cycles = cycles;
      this.partitions = Set.copyOf(partitions);
    }

    @Override
    public void publish() {
      try {
        for (TableSink.SealedCycle cycle : cycles) {
          cycle.publish();
        }
      } catch (RuntimeException e) {
        cycles.forEach(TableSink.SealedCycle::discardIfUnattempted);
        throw e;
      }
      LOG.debug("Committed a cycle to {} tables, anchor {}", cycles.size(), router.defaultTable());
    }

    @Override
    public void published() {
      cycles.forEach(TableSink.SealedCycle::settle);
    }

    @Override
    public RuntimeException failed(RuntimeException error) {
      // Tables that committed before the failure hold their rows: they skip them when replayed.
      cycles.forEach(TableSink.SealedCycle::settle);
      if (error instanceof ConcurrentCommitException) {
        abort();
        // Whatever table noticed it, the task resumes from the anchor's offsets.
        anchor().open(partitions);
        return new ConcurrentCommitException(anchor().entries(partitions));
      }
      return error;
    }
  }

  @Override
  public void maintain(Clock clock) {
    if (maintenance != null) {
      maintenance.runIfDue(clock);
    }
  }

  /** The maintenance this task runs (empty: another task runs it, or it is off). */
  public Optional<TableMaintenance> maintenance() {
    return Optional.ofNullable(maintenance);
  }

  @Override
  public void abort() {
    allSinks().forEach(TableSink::abort);
    firstValueOfCycle = null;
  }

  @Override
  public void close() {
    abort();
    manifestPool.shutdown();
    if (catalog instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        LOG.warn("Closing the Iceberg catalog failed: {}", e.getMessage());
      }
    }
  }
}
