package io.streametl.stack.bench;

import io.streametl.stack.iceberg.LocalIcebergCatalog;
import io.streametl.stack.rest.ConnectRestClient;
import io.streametl.stack.rest.ConnectorConfigFile;
import java.io.PrintStream;
import java.time.Duration;
import java.util.OptionalDouble;
import org.apache.iceberg.SnapshotSummary;
import org.apache.iceberg.Table;

/**
 * Runs one sink connector over the filled topic from the start: creates it, waits until its table
 * holds every expected row (or stalls short of them), deletes it. The time runs from the
 * connector's creation to the snapshot timestamp of the commit that brought the last row (both
 * from this machine's clock), so it includes task start-up, the consumer group join and the last
 * commit.
 */
final class SinkThroughputRun {

  /** The share of the expected rows from which, and up to which, the middle rate is taken. */
  static final long MIDDLE_FROM_PERCENT = 10;
  static final long MIDDLE_TO_PERCENT = 90;

  private final ConnectRestClient rest;
  private final LocalIcebergCatalog catalog;
  private final Duration stallLimit;
  private final PrintStream out;

  SinkThroughputRun(ConnectRestClient rest, LocalIcebergCatalog catalog, Duration stallLimit,
      PrintStream out) {
    this.rest = rest;
    this.catalog = catalog;
    this.stallLimit = stallLimit;
    this.out = out;
  }

  /**
   * @param expectedRows rows the table holds once every input record is consumed
   * @param input the topic: its records and value bytes
   */
  SinkRunResult run(String label, ConnectorConfigFile config, String table, long expectedRows,
      PassResult input, Duration timeout) {
    long createdAtMillis = System.currentTimeMillis();
    rest.createOrUpdate(config.name(), config.config());
    ConnectorHealth health = new ConnectorHealth(rest, config.name());
    long rows = new TableWait(catalog, out).awaitRows(label, table, expectedRows, health,
        stallLimit, timeout);
    rest.delete(config.name());
    if (rows > expectedRows) {
      out.printf("  WARNING: %s committed %d rows, %d more than expected%n", label, rows,
          rows - expectedRows);
    }

    Table loaded = catalog.table(table).orElseThrow();
    CommitTimeline timeline = CommitTimeline.of(loaded);
    CommitPoint last = timeline.firstReaching(rows).orElseThrow();
    CommitPoint first = timeline.firstWithRows().orElseThrow();
    double share = Math.min(1.0, (double) rows / expectedRows);
    Throughput throughput = new Throughput(Math.round(input.records() * share),
        Math.round(input.valueBytes() * share),
        Duration.ofMillis(Math.max(1, last.timestampMillis() - createdAtMillis)));
    double inputPerRow = (double) input.records() / expectedRows;
    OptionalDouble steadyRows = timeline.steadyRowsPerSecond(rows);
    OptionalDouble steadyInput = scaled(steadyRows, inputPerRow);
    OptionalDouble middleRows = timeline.rowsPerSecondBetween(
        expectedRows * MIDDLE_FROM_PERCENT / 100, expectedRows * MIDDLE_TO_PERCENT / 100);
    OptionalDouble middleInput = scaled(middleRows, inputPerRow);
    String files = loaded.currentSnapshot().summary().get(SnapshotSummary.TOTAL_DATA_FILES_PROP);
    return new SinkRunResult(label, rows, expectedRows, throughput, steadyInput, middleInput,
        Duration.ofMillis(first.timestampMillis() - createdAtMillis), timeline.commitsWithRows(),
        files == null ? -1 : Long.parseLong(files));
  }

  private static OptionalDouble scaled(OptionalDouble rowsPerSecond, double inputPerRow) {
    return rowsPerSecond.isPresent()
        ? OptionalDouble.of(rowsPerSecond.getAsDouble() * inputPerRow) : OptionalDouble.empty();
  }
}
