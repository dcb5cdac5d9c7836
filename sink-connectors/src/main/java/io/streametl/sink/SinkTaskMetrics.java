package io.streametl.sink;

import java.util.LinkedHashMap;
import java.util.function.LongSupplier;
import org.apache.kafka.common.metrics.Gauge;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.sink.SinkTaskContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sink task's operator metrics, registered with Connect's plugin metrics (KIP-877, Kafka 4.1+).
 * The worker's JMX reporter shows them as attributes of
 * {@code kafka.connect:type=plugins,connector=<name>,task=<id>}; docs/sink.md lists them.
 *
 * <p>The task thread updates the values; JMX reads them from other threads, so they are volatile
 * and the task's own (single-threaded) structures are never read from a gauge. Without plugin
 * metrics (a runtime older than Kafka 4.1) the values are kept but not reported.
 */
final class SinkTaskMetrics {

  private static final Logger LOG = LoggerFactory.getLogger(SinkTaskMetrics.class);

  private volatile long recordsIn;
  private volatile long rowsWritten;
  private volatile long deadLettered;
  private volatile long duplicates;
  private volatile long late;
  private volatile long commits;
  private volatile long lastCommitLatencyMs;
  private volatile long dedupKeys;

  /** Registers the metrics with the context's plugin metrics when the runtime has them. */
  static SinkTaskMetrics register(SinkTaskContext context) {
    SinkTaskMetrics metrics = new SinkTaskMetrics();
    PluginMetrics plugin;
    try {
      plugin = context.pluginMetrics();
    } catch (NoSuchMethodError | NoClassDefFoundError e) {
      plugin = null; // a runtime older than Kafka 4.1
    }
    if (plugin == null) {
      LOG.info("The Connect runtime offers no plugin metrics (Kafka 4.1+); the sink's metrics are not reported");
    } else {
      metrics.addTo(plugin);
    }
    return metrics;
  }

  private void addTo(PluginMetrics plugin) {
    add(plugin, "records-in-total", "Records Connect handed to the task (put), including redeliveries", () -> recordsIn);
    add(plugin, "rows-written-total", "Event rows written to the destination (rows of a failed commit are "
        + "written again when their records are read again)", () -> rowsWritten);
    add(plugin, "dead-letter-records-total", "Records sent to the dead-letter queue: invalid records, and "
        + "records too late for an aggregation whose too-late policy is dead-letter", () -> deadLettered);
    add(plugin, "duplicates-dropped-total", "Records dropped as duplicates within the dedup TTL", () -> duplicates);
    add(plugin, "late-events-total", "Records too late for an aggregation (all their windows had closed)", () -> late);
    add(plugin, "commits-total", "Successful commits to the destination", () -> commits);
    add(plugin, "last-commit-latency-ms", "Duration of the last successful commit in milliseconds",
        () -> lastCommitLatencyMs);
    add(plugin, "dedup-state-keys", "Dedup keys held in memory over the task's partitions", () -> dedupKeys);
  }

  private static void add(PluginMetrics plugin, String name, String description, LongSupplier value) {
    plugin.addMetric(plugin.metricName(name, description, new LinkedHashMap<>()),
        (Gauge<Long>) (config, now) -> value.getAsLong());
  }

  void recordsIn(int count) {
    recordsIn += count;
  }

  void rowWritten() {
    rowsWritten++;
  }

  void committed(long latencyMs) {
    commits++;
    lastCommitLatencyMs = latencyMs;
  }

  /** The counters the task's state keeps, copied after each batch and commit. */
  void observe(long deadLetteredTotal, long duplicatesTotal, long lateTotal, long dedupKeysNow) {
    deadLettered = deadLetteredTotal;
    duplicates = duplicatesTotal;
    late = lateTotal;
    dedupKeys = dedupKeysNow;
  }
}
