package io.streametl.stack.bench;

import io.streametl.stack.Poll;
import io.streametl.stack.iceberg.IcebergCatalogOptions;
import io.streametl.stack.iceberg.LocalIcebergCatalog;
import io.streametl.stack.rest.ConnectRestClient;
import io.streametl.stack.rest.ConnectorConfigFile;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One sink consuming live: the sink starts first on an empty topic, then the generator writes at
 * a fixed rate; once the table holds every expected row, each row's freshness is computed from the
 * snapshots (see {@link Freshness}).
 */
final class FreshnessRun {

  static final Duration OBSERVER_INTERVAL = Duration.ofMillis(100);
  private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

  private final ConnectRestClient rest;
  private final BenchTopics topics;
  private final IcebergCatalogOptions catalogOptions;
  private final LocalIcebergCatalog catalog;
  private final String bootstrapServers;
  private final PrintStream out;

  FreshnessRun(ConnectRestClient rest, BenchTopics topics, IcebergCatalogOptions catalogOptions,
      LocalIcebergCatalog catalog, String bootstrapServers, PrintStream out) {
    this.rest = rest;
    this.topics = topics;
    this.catalogOptions = catalogOptions;
    this.catalog = catalog;
    this.bootstrapServers = bootstrapServers;
    this.out = out;
  }

  FreshnessResult measure(String label, ConnectorConfigFile sink, int tasks, String table,
      ConnectorConfigFile generator, String topic, int partitions, long expectedRows,
      Duration stallLimit, Duration timeout) {
    rest.createOrUpdate(sink.name(), sink.config());
    rest.awaitRunning(sink.name(), tasks, START_TIMEOUT);
    Poll.until("the consumer group of " + sink.name() + " to have all " + partitions
        + " partitions assigned", START_TIMEOUT,
        () -> topics.sinkGroupAssigned(sink.name(), partitions) ? Optional.of(true)
            : Optional.empty());

    Map<Long, Long> firstSeen;
    try (SnapshotObserver observer = new SnapshotObserver(catalogOptions, table,
        OBSERVER_INTERVAL)) {
      rest.createOrUpdate(generator.name(), generator.config());
      new TableWait(catalog, out).awaitRows(label, table, expectedRows,
          new ConnectorHealth(rest, sink.name()), stallLimit, timeout);
      firstSeen = observer.stop();
    }
    rest.delete(generator.name());
    rest.delete(sink.name());

    List<SnapshotRows> snapshots = SnapshotRowReader.read(catalog.table(table).orElseThrow(),
        EventTimeField.NAME);
    long rows = snapshots.stream().mapToLong(s -> s.eventTimesMillis().length).sum();
    return new FreshnessResult(label, rows, expectedRows, snapshots.size(),
        Percentiles.summarize(Freshness.byCommitTime(snapshots)),
        Percentiles.summarize(Freshness.byFirstSeen(snapshots, firstSeen)),
        ProduceLag.of(bootstrapServers, topic));
  }
}
