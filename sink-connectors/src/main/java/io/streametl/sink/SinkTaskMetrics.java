package io.streametl.sink;

import static io.streametl.common.metrics.PluginMetricsSupport.addGauge;

import io.streametl.common.metrics.PluginMetricsSupport;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.sink.SinkTaskContext;

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
    PluginMetrics plugin = PluginMetricsSupport.orNull(() -> context.pluginMetrics(), "the sink");
    if (plugin != null) {
      metrics.addTo(plugin);
    }
    return metrics;
  }

  private void addTo(PluginMetrics plugin) {
    addGauge(plugin, "records-in-total", "Records Connect handed to the task (put), including redeliveries", () -> recordsIn);
    addGauge(plugin, "rows-written-total", "Event rows written to the destination (rows of a failed commit are "
        + "written again when their records are read again)", () -> rowsWritten);
    addGauge(plugin, "dead-letter-records-total", "Records sent to the dead-letter queue: invalid records, and "
        + "records too late for an aggregation whose too-late policy is dead-letter", () -> deadLettered);
    addGauge(plugin, "duplicates-dropped-total", "Records dropped as duplicates within the dedup TTL", () -> duplicates);
    addGauge(plugin, "late-events-total", "Records too late for an aggregation (all their windows had closed)", () -> late);
    addGauge(plugin, "commits-total", "Successful commits to the destination", () -> commits);
    addGauge(plugin, "last-commit-latency-ms", "Duration of the last successful commit in milliseconds, from the end "
        + "of its cycle until the task saw it succeed",
        () -> lastCommitLatencyMs);
    addGauge(plugin, "dedup-state-keys", "Dedup keys held in memory over the task's partitions", () -> dedupKeys);
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
