package io.streametl.source.generator;

import io.streametl.common.metrics.PluginMetricsSupport;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Gauge;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.Avg;
import org.apache.kafka.common.metrics.stats.CumulativeSum;
import org.apache.kafka.common.metrics.stats.Max;
import org.apache.kafka.common.metrics.stats.Rate;
import org.apache.kafka.connect.source.SourceTaskContext;

/**
 * What an operator of a load generator asks first, as Connect plugin metrics (KIP-877, Kafka
 * 4.1+): how many records it generated and of which kind, whether it keeps up with
 * events.per.second, and how long generating a batch takes. The worker's JMX reporter shows them
 * as attributes of {@code kafka.connect:type=plugins,connector=<name>,task=<id>};
 * source-connectors/README.md lists them. On a runtime without plugin metrics nothing is recorded.
 * The worker removes them when it closes the task.
 *
 * <p>The task thread records; JMX reads from other threads, so the schedule position a gauge
 * reads is volatile and sensors do their own locking.
 */
final class GeneratorMetrics {

  static final String RECORDS = "records-generated-total";
  static final String RECORDS_RATE = "records-generated-rate";
  static final String DUPLICATES = "duplicates-generated-total";
  static final String INVALID = "invalid-generated-total";
  static final String LATE = "late-generated-total";
  static final String SCHEDULE_LAG = "schedule-lag-ms";
  static final String POLL_LATENCY_AVG = "poll-latency-avg-ms";
  static final String POLL_LATENCY_MAX = "poll-latency-max-ms";

  /** The schedule position while there is none to be behind: unpaced, or all generated. */
  private static final long NOT_DUE = Long.MIN_VALUE;

  /** Sensor names are global in the worker's registry: one sequence number per instance. */
  private static final AtomicLong INSTANCES = new AtomicLong();

  private final PluginMetrics metrics;
  private final String sensorPrefix;
  private final Sensor records;
  private final Sensor duplicates;
  private final Sensor invalid;
  private final Sensor late;
  private final Sensor pollLatency;
  private volatile long nextDueMs = NOT_DUE;

  /**
   * @param metrics the task's plugin metrics, or null to record nothing
   * @param scope names this task in sensor names (connector and stream)
   * @param paced whether the stream follows a rate (else schedule-lag-ms is -1)
   * @param clock the clock the stream's schedule follows
   */
  GeneratorMetrics(PluginMetrics metrics, String scope, boolean paced, Clock clock) {
    this.metrics = metrics;
    this.sensorPrefix = "streametl.generator." + scope + "#" + INSTANCES.incrementAndGet() + ".";
    records = counter(RECORDS, "Records generated (every kind), whether or not Kafka has them yet");
    if (records != null) {
      records.add(name(RECORDS_RATE, "Records generated per second, over the worker's metrics"
          + " window (compare with events.per.second / tasks.max)"), new Rate());
    }
    duplicates = counter(DUPLICATES, "Records generated as re-emissions of an earlier record"
        + " (kind DUPLICATE): what a dedup step downstream should drop");
    invalid = counter(INVALID, "Records generated invalid (missing field, wrong type,"
        + " unparseable) or as duplicates of invalid records: what validation should reject");
    late = counter(LATE, "Records generated with a late event time (kind LATE) or as duplicates"
        + " of such records");
    pollLatency = sensor("poll-latency");
    if (pollLatency != null) {
      pollLatency.add(name(POLL_LATENCY_AVG, "Average time a poll spent generating its batch,"
          + " excluding the wait for the next record to be due, in milliseconds"), new Avg());
      pollLatency.add(name(POLL_LATENCY_MAX, "Longest time a poll spent generating its batch,"
          + " excluding the wait for the next record to be due, in milliseconds"), new Max());
    }
    if (metrics != null) {
      metrics.addMetric(name(SCHEDULE_LAG, "Milliseconds the stream is behind its schedule at"
              + " events.per.second: now minus the due time of the next record; 0 when on time"
              + " or done, -1 at events.per.second=0 (no schedule)"),
          (Gauge<Long>) (config, now) -> scheduleLagMs(paced, clock));
    }
  }

  /**
   * Registers the metrics with the task's plugin metrics, or records nothing on a runtime without
   * them (Kafka before 4.1) or a context that offers none.
   */
  static GeneratorMetrics register(SourceTaskContext context, GeneratorStream stream,
      boolean paced, Clock clock) {
    PluginMetrics plugin = PluginMetricsSupport.orNull(
        () -> context == null ? null : context.pluginMetrics(), "the event generator");
    return new GeneratorMetrics(plugin, stream.connectorName() + "." + stream.stream(), paced,
        clock);
  }

  private MetricName name(String name, String description) {
    return metrics.metricName(name, description, new LinkedHashMap<>());
  }

  private Sensor sensor(String name) {
    if (metrics == null) {
      return null;
    }
    return metrics.addSensor(sensorPrefix + name);
  }

  private Sensor counter(String name, String description) {
    Sensor sensor = sensor(name);
    if (sensor != null) {
      sensor.add(name(name, description), new CumulativeSum());
    }
    return sensor;
  }

  private long scheduleLagMs(boolean paced, Clock clock) {
    if (!paced) {
      return -1;
    }
    long due = nextDueMs;
    return due == NOT_DUE ? 0 : Math.max(0, clock.millis() - due);
  }

  /** The due time (on-time event time) of the next position, or none when all is generated. */
  void nextDue(long dueMs) {
    nextDueMs = dueMs;
  }

  void done() {
    nextDueMs = NOT_DUE;
  }

  /**
   * One poll's batch.
   *
   * @param nanos the time spent generating it
   */
  void generated(int count, int duplicateCount, int invalidCount, int lateCount, long nanos) {
    if (count == 0) {
      return;
    }
    record(records, count);
    record(duplicates, duplicateCount);
    record(invalid, invalidCount);
    record(late, lateCount);
    if (pollLatency != null) {
      pollLatency.record(nanos / (double) TimeUnit.MILLISECONDS.toNanos(1));
    }
  }

  private static void record(Sensor sensor, int value) {
    if (sensor != null && value != 0) {
      sensor.record(value);
    }
  }
}
