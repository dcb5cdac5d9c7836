package io.streametl.sink.iceberg.maintenance;

import io.streametl.sink.state.Durations;
import io.streametl.sink.state.aggregate.AggregationSpec;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maintains a connector's Iceberg tables on a schedule, from inside the sink task that owns it
 * (task 0), between that task's commits: compacts the small files of closed partitions, expires
 * old snapshots without ever removing the newest snapshot that records a partition's offsets, and
 * deletes dedup state files no snapshot references. Each step of each table may fail on its own:
 * it is logged with what to do, counted, and retried at the next run; it never fails the task and
 * never changes the offsets the tables record (docs/decisions/0005).
 */
public final class TableMaintenance {

  private static final Logger LOG = LoggerFactory.getLogger(TableMaintenance.class);

  private final Catalog catalog;
  private final String connector;
  private final TableIdentifier anchor;
  private final Map<TableIdentifier, AggregationSpec> others = new LinkedHashMap<>(); // value null: events table
  private final MaintenanceSettings settings;
  private final boolean dedup;
  private final SmallFileCompaction compaction;
  private final StateFileCleanup stateFiles;
  private final SnapshotExpiry expiry;
  private final MaintenanceStats stats = new MaintenanceStats();
  private Long nextRunAt;

  private TableMaintenance(Catalog catalog, String connector, TableIdentifier anchor,
      Collection<TableIdentifier> routedTables, Map<TableIdentifier, AggregationSpec> aggregateTables,
      MaintenanceSettings settings, int taskId, boolean dedup) {
    this.catalog = catalog;
    this.connector = connector;
    this.anchor = anchor;
    routedTables.forEach(id -> others.put(id, null));
    others.putAll(aggregateTables);
    others.remove(anchor);
    this.settings = settings;
    this.dedup = dedup;
    this.compaction = new SmallFileCompaction(settings, taskId);
    this.stateFiles = new StateFileCleanup(connector);
    this.expiry = new SnapshotExpiry(connector, settings);
  }

  /**
   * The maintenance task {@code taskId} runs: only task 0 runs it (tasks get their id in their
   * config), and only when it is enabled.
   *
   * @param anchor the events table whose snapshots record the offsets tasks resume from
   * @param routedTables the other events tables records are routed to
   * @param aggregateTables each aggregation's table of partial rows
   * @param dedup whether the connector keeps dedup state files under the anchor
   */
  public static Optional<TableMaintenance> forTask(int taskId, MaintenanceSettings settings, Catalog catalog,
      String connector, TableIdentifier anchor, Collection<TableIdentifier> routedTables,
      Map<TableIdentifier, AggregationSpec> aggregateTables, boolean dedup) {
    if (taskId != 0 || !settings.enabled()) {
      return Optional.empty();
    }
    return Optional.of(new TableMaintenance(catalog, connector, anchor, routedTables, aggregateTables, settings,
        taskId, dedup));
  }

  public MaintenanceStats stats() {
    return stats;
  }

  /** Runs maintenance if it is due; the first call only starts the schedule. Never throws for a failed step. */
  public void runIfDue(Clock clock) {
    long now = clock.millis();
    if (nextRunAt == null) {
      nextRunAt = now + settings.firstRunDelay().toMillis();
      return;
    }
    if (now < nextRunAt) {
      return;
    }
    nextRunAt = now + settings.interval().toMillis();
    run(clock);
  }

  /** One run over every table, within the run's budget. */
  void run(Clock clock) {
    long started = clock.millis();
    long workBefore = stats.work();
    long failuresBefore = stats.failures();
    stats.run();
    RunBudget budget = new RunBudget(clock, started + settings.maxDuration().toMillis(), settings.maxFilesPerRun(),
        settings.maxBytesPerRun());
    OffsetMentions anchorMentions = null;
    Table anchorTable = attempt("loading", anchor, () -> load(anchor));
    if (anchorTable != null) {
      compact(anchorTable, null, started, budget);
      anchorMentions = attempt("snapshot expiry", anchor, () -> expire(anchorTable, true, null, started));
      if (dedup) {
        attempt("dedup state file cleanup", anchor, () -> {
          int deleted = stateFiles.clean(anchorTable, started - settings.snapshotMaxAge().toMillis(),
              budget.filesLeft());
          stats.stateFilesDeleted(deleted);
          return deleted;
        });
      }
    }
    for (Map.Entry<TableIdentifier, AggregationSpec> entry : others.entrySet()) {
      if (!budget.timeLeft()) {
        LOG.info("Table maintenance used its {} for this run; the remaining tables wait for the next run",
            Durations.format(settings.maxDuration()));
        break;
      }
      TableIdentifier id = entry.getKey();
      Table table = attempt("loading", id, () -> load(id));
      if (table == null) {
        continue;
      }
      compact(table, entry.getValue(), started, budget);
      OffsetMentions anchorView = anchorMentions;
      attempt("snapshot expiry", id, () -> expire(table, false, anchorView, started));
    }
    long took = clock.millis() - started;
    if (stats.failures() > failuresBefore) {
      LOG.warn("Table maintenance of connector '{}' finished with {} failed steps in {} ms (see the warnings above); "
          + "so far: {}", connector, stats.failures() - failuresBefore, took, stats);
    } else if (stats.work() > workBefore) {
      LOG.info("Table maintenance of connector '{}' ran in {} ms; so far: {}", connector, took, stats);
    } else {
      LOG.debug("Table maintenance of connector '{}' found nothing to do ({} ms)", connector, took);
    }
  }

  private Table load(TableIdentifier id) {
    try {
      return catalog.loadTable(id);
    } catch (NoSuchTableException e) {
      return null; // not created yet: nothing to maintain
    }
  }

  private void compact(Table table, AggregationSpec aggregation, long now, RunBudget budget) {
    if (!settings.compactionEnabled() || !budget.timeLeft()) {
      return;
    }
    attempt("compaction", table.name(), () -> {
      SmallFileCompaction.Result result = compaction.compact(table,
          schema -> aggregation == null ? Optional.empty() : PartialRowFold.forTable(aggregation, schema), now, budget);
      stats.compacted(result);
      return result;
    });
  }

  private OffsetMentions expire(Table table, boolean isAnchor, OffsetMentions anchorMentions, long now) {
    SnapshotExpiry.Result result = expiry.expire(table, isAnchor, anchorMentions, now);
    stats.expired(result.expired());
    return result.mentions();
  }

  private <T> T attempt(String step, Object table, Supplier<T> work) {
    try {
      return work.get();
    } catch (RuntimeException e) {
      stats.failure();
      LOG.warn("Table maintenance: {} of {} failed: {}. Nothing was lost: the table's rows and the Kafka offsets it "
              + "records are as they were, and the step is retried at the next run (in {}). If it keeps failing, "
              + "check access to the catalog and the table's storage named in the error.",
          step, table, e.toString(), Durations.format(settings.interval()), e);
      return null;
    }
  }
}
