package io.streametl.stack.web;

import io.streametl.stack.iceberg.LocalIcebergCatalog;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;

/**
 * The latest windows of an aggregates table, folded by region and by channel for the live page.
 * The table is read again only when the sink has committed a new snapshot, and then only the rows
 * within {@code lookback} of the newest window seen so far: the table grows all day, the chart
 * shows the last few windows. The newest window is taken from the data, not the wall clock, since
 * a resumed generator's event times may trail the clock.
 */
public final class RecentWindows {

  /** The folded counts by region and by channel, of one snapshot of the table. */
  public record Folded(String table, WindowFold.Counts byRegion, WindowFold.Counts byChannel) {}

  private final String table;
  private final Duration lookback;
  private final WindowFold fold;
  private long snapshotId = -1;
  private Instant newest;
  private Folded folded;

  public RecentWindows(String table, Duration lookback, WindowFold fold) {
    this.table = table;
    this.lookback = lookback;
    this.fold = fold;
  }

  /** The folded latest windows; empty until the table has a snapshot. */
  public Optional<Folded> read(LocalIcebergCatalog catalog) {
    Optional<Table> loaded = catalog.table(table);
    Snapshot current = loaded.map(Table::currentSnapshot).orElse(null);
    if (current == null) {
      return Optional.empty();
    }
    if (current.snapshotId() != snapshotId) {
      List<Map<String, Object>> rows = catalog.rows(table, filter());
      rows.forEach(row -> {
        Instant start = WindowFold.instant(row.get("window_start"));
        if (start != null && (newest == null || start.isAfter(newest))) {
          newest = start;
        }
      });
      folded = new Folded(table, fold.fold(rows, "region"), fold.fold(rows, "channel"));
      snapshotId = current.snapshotId();
    }
    return Optional.of(folded);
  }

  private Expression filter() {
    if (newest == null) {
      return Expressions.alwaysTrue();
    }
    long fromMicros = newest.minus(lookback).toEpochMilli() * 1000;
    return Expressions.greaterThanOrEqual("window_start", fromMicros);
  }
}
