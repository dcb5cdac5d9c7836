package io.streametl.source.http;

import io.streametl.source.http.sync.SyncState;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Gauge;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.Avg;
import org.apache.kafka.common.metrics.stats.CumulativeSum;
import org.apache.kafka.common.metrics.stats.Max;

/**
 * What an operator asks first about an endpoint, as plugin metrics (JMX, tagged with the
 * connector, the task and {@code endpoint}): requests and how long they take, retries, pages,
 * records emitted, records dropped as already emitted, bad responses and records, completed
 * syncs, and how far the endpoint lags behind the API: since its last completed sync, and behind
 * the clock by its time watermark. Without plugin metrics (an older runtime), nothing is recorded.
 */
final class EndpointMetrics {

  static final String REQUESTS = "requests-total";
  static final String REQUEST_LATENCY_AVG = "request-latency-avg-ms";
  static final String REQUEST_LATENCY_MAX = "request-latency-max-ms";
  static final String RETRIES = "retries-total";
  static final String PAGES = "pages-total";
  static final String RECORDS = "records-total";
  static final String DROPPED = "records-dropped-total";
  static final String BAD = "bad-total";
  static final String SYNCS = "syncs-total";
  static final String SYNC_LAG = "sync-lag-ms";
  static final String WATERMARK_LAG = "watermark-lag-ms";

  /** Sensor names are global in the worker's registry: one sequence number per instance. */
  private static final AtomicLong INSTANCES = new AtomicLong();

  private final PluginMetrics metrics;
  private final String sensorPrefix;
  private final List<String> sensorNames = new ArrayList<>();
  private final List<MetricName> gauges = new ArrayList<>();
  private final Sensor requests;
  private final Sensor requestLatency;
  private final Sensor retries;
  private final Sensor pages;
  private final Sensor records;
  private final Sensor dropped;
  private final Sensor bad;
  private final Sensor syncs;
  /** When the last completed sync started (epoch ms), or -1 before one completed. */
  private volatile long lastSyncStartMs = -1;

  /**
   * @param scope names the task in sensor names (connector and task), so that two connectors
   *     with an endpoint of the same name on one worker never share a sensor
   */
  EndpointMetrics(PluginMetrics metrics, String scope, String endpoint, SyncState sync,
      Clock clock) {
    this.metrics = metrics;
    this.sensorPrefix = "streametl.http-source." + scope + "#" + INSTANCES.incrementAndGet()
        + "." + endpoint + ".";
    LinkedHashMap<String, String> tags = new LinkedHashMap<>();
    tags.put("endpoint", endpoint);
    requests = counter(REQUESTS, "HTTP requests sent, retries included", tags);
    requestLatency = sensor("request-latency");
    if (requestLatency != null) {
      requestLatency.add(metrics.metricName(REQUEST_LATENCY_AVG, "Average time from sending a"
          + " request to having its whole response, in milliseconds (rate limit waits"
          + " excluded)", tags), new Avg());
      requestLatency.add(metrics.metricName(REQUEST_LATENCY_MAX, "Longest time from sending a"
          + " request to having its whole response, in milliseconds (rate limit waits"
          + " excluded)", tags), new Max());
    }
    retries = counter(RETRIES, "Requests that failed transiently and were rescheduled", tags);
    pages = counter(PAGES, "Pages fetched and handled", tags);
    records = counter(RECORDS, "Records emitted", tags);
    dropped = counter(DROPPED, "Records dropped by incremental sync as already emitted", tags);
    bad = counter(BAD, "Bad responses and bad records sent to the error topic", tags);
    syncs = counter(SYNCS, "Syncs completed (page chains read to their end)", tags);
    if (metrics != null) {
      gauge(metrics.metricName(SYNC_LAG, "Milliseconds since the start of the last completed"
          + " sync: everything the API had then is emitted (-1 before the task completed a"
          + " sync)", tags), (config, now) -> {
            long started = lastSyncStartMs;
            return started < 0 ? -1L : clock.millis() - started;
          });
      gauge(metrics.metricName(WATERMARK_LAG, "Milliseconds between now and the"
          + " highest time watermark emitted (-1 without a time watermark)", tags),
          (config, now) -> sync.high().flatMap(w -> w.instant())
              .map(i -> clock.millis() - i.toEpochMilli()).orElse(-1L));
    }
  }

  private void gauge(MetricName name, Gauge<Long> gauge) {
    metrics.addMetric(name, gauge);
    gauges.add(name);
  }

  private Sensor sensor(String name) {
    if (metrics == null) {
      return null;
    }
    String sensorName = sensorPrefix + name;
    Sensor sensor = metrics.addSensor(sensorName);
    sensorNames.add(sensorName);
    return sensor;
  }

  private Sensor counter(String name, String description, LinkedHashMap<String, String> tags) {
    Sensor sensor = sensor(name);
    if (sensor != null) {
      sensor.add(metrics.metricName(name, description, tags), new CumulativeSum());
    }
    return sensor;
  }

  private static void record(Sensor sensor, double value) {
    if (sensor != null && value != 0) {
      sensor.record(value);
    }
  }

  void request() {
    record(requests, 1);
  }

  /** The duration of one HTTP request. */
  void requestLatency(long nanos) {
    if (requestLatency != null) {
      requestLatency.record(nanos / (double) TimeUnit.MILLISECONDS.toNanos(1));
    }
  }

  void retry() {
    record(retries, 1);
  }

  void page() {
    record(pages, 1);
  }

  void records(int count) {
    record(records, count);
  }

  void dropped(int count) {
    record(dropped, count);
  }

  void bad(int count) {
    record(bad, count);
  }

  /**
   * A sync ended.
   *
   * @param startedMs when it started, or -1 if unknown (it resumed from an offset stored by an
   *     earlier task)
   */
  void syncDone(long startedMs) {
    record(syncs, 1);
    if (startedMs >= 0) {
      lastSyncStartMs = startedMs;
    }
  }

  /** Removes the metrics (the worker also drops them when it closes the task); idempotent. */
  synchronized void close() {
    if (metrics != null) {
      try {
        sensorNames.forEach(metrics::removeSensor);
        gauges.forEach(metrics::removeMetric);
      } catch (IllegalStateException e) {
        // the worker closed the task's plugin metrics first: nothing left to remove
      }
    }
    sensorNames.clear();
    gauges.clear();
  }
}
