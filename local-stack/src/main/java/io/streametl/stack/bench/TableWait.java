package io.streametl.stack.bench;

import io.streametl.stack.iceberg.LocalIcebergCatalog;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Waits until a table's current snapshot reports some number of rows (its summary's
 * total-records, not a scan), printing progress and failing fast when the sink's connector fails.
 *
 * <p>A table that got rows and then stops growing short of the target has <em>stalled</em>: the
 * stock Iceberg sink can lose the files of a commit its coordinator was interrupted in (the leader
 * changing before the first commit), and then never reaches the target. The wait then returns what
 * the table holds instead of waiting for rows that will not come.
 */
final class TableWait {

  private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
  private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

  private final LocalIcebergCatalog catalog;
  private final PrintStream out;

  TableWait(LocalIcebergCatalog catalog, PrintStream out) {
    this.catalog = catalog;
    this.out = out;
  }

  /**
   * Returns the rows the table holds: at least {@code rows}, or fewer if it stalled.
   *
   * @param stallLimit how long a table with rows may stay unchanged short of the target
   * @param timeout how long the whole wait may take; a table without rows by then is an error
   */
  long awaitRows(String label, String table, long rows, ConnectorHealth health,
      Duration stallLimit, Duration timeout) {
    long start = System.nanoTime();
    long nextProgress = start + PROGRESS_EVERY.toNanos();
    long lastRows = 0;
    long lastChange = start;
    while (true) {
      OptionalLong committed = catalog.committedRecords(table);
      long current = committed.orElse(0);
      long now = System.nanoTime();
      if (current >= rows) {
        return current;
      }
      if (current != lastRows) {
        lastRows = current;
        lastChange = now;
      } else if (current > 0 && now - lastChange > stallLimit.toNanos()) {
        out.printf(Locale.ROOT, "  %s: STALLED at %,d of %,d rows (%,d missing) for %d s;"
            + " measuring what landed%n", label, current, rows, rows - current,
            stallLimit.toSeconds());
        return current;
      }
      if (now - nextProgress >= 0) {
        out.printf(Locale.ROOT, "  %s: %,d / %,d rows committed in %s after %d s%n", label,
            current, rows, table, Duration.ofNanos(now - start).toSeconds());
        nextProgress = now + PROGRESS_EVERY.toNanos();
        health.failIfFailed();
      }
      if (now - start > timeout.toNanos()) {
        throw new BenchmarkException(label + ": " + table + " held " + current + " of " + rows
            + " rows after " + timeout.toSeconds() + " s; see the workers' logs");
      }
      pause();
    }
  }

  /** At least a minute, and at least 30 commit intervals. */
  static Duration stallLimit(Duration commitInterval) {
    Duration intervals = commitInterval.multipliedBy(30);
    return intervals.compareTo(Duration.ofMinutes(1)) > 0 ? intervals : Duration.ofMinutes(1);
  }

  private static void pause() {
    try {
      Thread.sleep(POLL_INTERVAL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchmarkException("Interrupted while waiting for rows", e);
    }
  }
}
