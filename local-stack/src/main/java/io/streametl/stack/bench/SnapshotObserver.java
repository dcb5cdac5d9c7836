package io.streametl.stack.bench;

import io.streametl.stack.iceberg.IcebergCatalogOptions;
import io.streametl.stack.iceberg.LocalIcebergCatalog;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls a table through the catalog, as a reader would, and notes when each snapshot was first
 * seen: the time a query could have seen its rows, give or take one polling interval.
 */
final class SnapshotObserver implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SnapshotObserver.class);

  private final LocalIcebergCatalog catalog;
  private final String table;
  private final Map<Long, Long> firstSeenMillis = new ConcurrentHashMap<>();
  private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(
      runnable -> {
        Thread thread = new Thread(runnable, "bench-snapshot-observer");
        thread.setDaemon(true);
        return thread;
      });

  SnapshotObserver(IcebergCatalogOptions options, String table, Duration interval) {
    this.catalog = LocalIcebergCatalog.open(options);
    this.table = table;
    poller.scheduleWithFixedDelay(this::poll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void poll() {
    try {
      long now = System.currentTimeMillis();
      catalog.table(table).map(Table::snapshots).ifPresent(snapshots -> {
        for (Snapshot snapshot : snapshots) {
          firstSeenMillis.putIfAbsent(snapshot.snapshotId(), now);
        }
      });
    } catch (RuntimeException e) {
      // SQLite busy while a sink commits: the next poll sees the snapshot, a little later.
      LOG.debug("Polling {} failed: {}", table, e.toString());
    }
  }

  /** Stops polling (after one last poll) and returns when each snapshot was first seen. */
  Map<Long, Long> stop() {
    poller.shutdown();
    try {
      poller.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    poll();
    return Map.copyOf(firstSeenMillis);
  }

  @Override
  public void close() {
    poller.shutdownNow();
    catalog.close();
  }
}
