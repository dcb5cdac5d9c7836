package io.streametl.source.http;

import io.streametl.source.http.sync.SyncState;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Gauge;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.CumulativeSum;

/**
 * What an operator asks first about an endpoint, as plugin metrics (JMX, tagged with the
 * connector, the task and {@code endpoint}): requests, retries, pages, records emitted, records
 * dropped as already emitted, bad responses and records, and how far the watermark lags behind
 * the clock. Without plugin metrics (an older runtime), nothing is recorded.
 */
final class EndpointMetrics {

  static final String REQUESTS = "requests-total";
  static final String RETRIES = "retries-total";
  static final String PAGES = "pages-total";
  static final String RECORDS = "records-total";
  static final String DROPPED = "records-dropped-total";
  static final String BAD = "bad-total";
  static final String WATERMARK_LAG = "watermark-lag-ms";

  private final PluginMetrics metrics;
  private final List<String> sensorNames = new ArrayList<>();
  private final List<MetricName> gauges = new ArrayList<>();
  private final Sensor requests;
  private final Sensor retries;
  private final Sensor pages;
  private final Sensor records;
  private final Sensor dropped;
  private final Sensor bad;

  EndpointMetrics(PluginMetrics metrics, String endpoint, SyncState sync, Clock clock) {
    this.metrics = metrics;
    LinkedHashMap<String, String> tags = new LinkedHashMap<>();
    tags.put("endpoint", endpoint);
    requests = counter(endpoint, REQUESTS, "HTTP requests sent, retries included", tags);
    retries = counter(endpoint, RETRIES, "Requests that failed transiently and were rescheduled", tags);
    pages = counter(endpoint, PAGES, "Pages fetched and handled", tags);
    records = counter(endpoint, RECORDS, "Records emitted", tags);
    dropped = counter(endpoint, DROPPED, "Records dropped by incremental sync as already emitted", tags);
    bad = counter(endpoint, BAD, "Bad responses and bad records sent to the error topic", tags);
    if (metrics != null) {
      MetricName lag = metrics.metricName(WATERMARK_LAG, "Milliseconds between now and the"
          + " highest time watermark emitted (-1 without a time watermark)", tags);
      metrics.addMetric(lag, (Gauge<Long>) (config, now) -> sync.high()
          .flatMap(w -> w.instant()).map(i -> clock.millis() - i.toEpochMilli()).orElse(-1L));
      gauges.add(lag);
    }
  }

  private Sensor counter(String endpoint, String name, String description,
      LinkedHashMap<String, String> tags) {
    if (metrics == null) {
      return null;
    }
    String sensorName = "http-source." + endpoint + "." + name;
    Sensor sensor = metrics.addSensor(sensorName);
    sensor.add(metrics.metricName(name, description, tags), new CumulativeSum());
    sensorNames.add(sensorName);
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

  /** Removes the metrics (the worker also drops them when it closes the task); idempotent. */
  synchronized void close() {
    if (metrics != null) {
      sensorNames.forEach(metrics::removeSensor);
      gauges.forEach(metrics::removeMetric);
    }
    sensorNames.clear();
    gauges.clear();
  }
}
