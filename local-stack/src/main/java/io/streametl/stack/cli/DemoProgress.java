package io.streametl.stack.cli;

import io.streametl.stack.iceberg.LocalIcebergCatalog;
import io.streametl.stack.rest.ConnectRestClient;
import io.streametl.stack.rest.ConnectRestException;
import io.streametl.stack.rest.ConnectorStatus;
import io.streametl.stack.web.RecentWindows;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gathers the demo's progress figures: source offsets through the REST API, committed records of
 * the event and dead-letter topics, and the Iceberg table's committed row count. A figure that
 * cannot be read right now is shown as unknown; the demo keeps running.
 */
final class DemoProgress implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DemoProgress.class);

  private final ConnectRestClient rest;
  private final List<String> connectors;
  private final DemoOptions options;
  private final TopicRecordCounter counter;
  private final long startNanos = System.nanoTime();
  private LocalIcebergCatalog catalog;
  private Map<String, Long> counts = Map.of();

  /**
   * @param moreTopics topics the other pipelines' lines show; one reader counts them all, so a
   *     tick reads Kafka once
   */
  DemoProgress(ConnectRestClient rest, List<String> connectors, String bootstrapServers,
      DemoOptions options, List<String> moreTopics) {
    this.rest = rest;
    this.connectors = List.copyOf(connectors);
    this.options = options;
    List<String> topics = new ArrayList<>(List.of(options.topic(), options.dlqTopic()));
    topics.addAll(moreTopics);
    this.counter = new TopicRecordCounter(bootstrapServers, topics);
  }

  ProgressSnapshot sample() {
    List<ProgressSnapshot.ConnectorLine> lines = new ArrayList<>();
    OptionalLong generated = OptionalLong.empty();
    for (String name : connectors) {
      Optional<ConnectorStatus> status = statusOf(name);
      lines.add(new ProgressSnapshot.ConnectorLine(name,
          status.map(ConnectorStatus::summary).orElse("unknown")));
      if (status.isPresent() && "source".equals(status.get().type())) {
        generated = add(generated, generatedBy(name));
      }
    }
    counts = counter.refresh();
    return new ProgressSnapshot(Duration.ofNanos(System.nanoTime() - startNanos), generated,
        committedRecords(options.topic()), tableRows(options.table()),
        committedRecords(options.dlqTopic()), lines);
  }

  /** Committed records of one of the counted topics, as of the last {@link #sample()}. */
  long committedRecords(String topic) {
    return counts.getOrDefault(topic, 0L);
  }

  private Optional<ConnectorStatus> statusOf(String name) {
    try {
      return rest.findStatus(name);
    } catch (ConnectRestException e) {
      LOG.debug("No status for {}: {}", name, e.getMessage());
      return Optional.empty();
    }
  }

  private OptionalLong generatedBy(String connector) {
    try {
      return SourceOffsetTotals.total(rest.offsets(connector), options.generatorOffsetField());
    } catch (ConnectRestException e) {
      LOG.debug("No offsets for {}: {}", connector, e.getMessage());
      return OptionalLong.empty();
    }
  }

  /** The table's committed row count, or unknown while it cannot be read. */
  OptionalLong tableRows(String table) {
    try {
      return catalog().map(c -> c.committedRecords(table)).orElse(OptionalLong.empty());
    } catch (RuntimeException e) {
      // The sink may be creating the catalog or committing right now; try again next time.
      LOG.debug("Could not read the Iceberg table {}: {}", table, e.toString());
      return OptionalLong.empty();
    }
  }

  /** The latest windows of an aggregates table, folded; empty while it cannot be read. */
  Optional<RecentWindows.Folded> aggregates(RecentWindows windows) {
    try {
      return catalog().flatMap(windows::read);
    } catch (RuntimeException e) {
      LOG.debug("Could not read the aggregates: {}", e.toString());
      return Optional.empty();
    }
  }

  /** The demo's catalog, opened on first use once the sink has created it. */
  private Optional<LocalIcebergCatalog> catalog() {
    if (catalog == null) {
      catalog = LocalIcebergCatalog.openIfExists(options.catalog()).orElse(null);
    }
    return Optional.ofNullable(catalog);
  }

  private static OptionalLong add(OptionalLong a, OptionalLong b) {
    if (a.isEmpty()) {
      return b;
    }
    return b.isEmpty() ? a : OptionalLong.of(a.getAsLong() + b.getAsLong());
  }

  @Override
  public void close() {
    counter.close();
    if (catalog != null) {
      catalog.close();
    }
  }
}
