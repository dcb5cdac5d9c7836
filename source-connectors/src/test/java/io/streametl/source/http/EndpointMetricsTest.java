package io.streametl.source.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.streametl.source.http.fakeapi.Dataset;
import io.streametl.source.http.fakeapi.FakeApiServer;
import io.streametl.source.http.fakeapi.Fault;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.internals.PluginMetricsImpl;
import org.junit.jupiter.api.Test;

class EndpointMetricsTest {

  private static Object value(String endpoint, String name) {
    return value(TaskHarness.METRICS, null, endpoint, name);
  }

  /** The metric's value, of the given connector if not null; null if it is not registered. */
  private static Object value(Metrics registry, String connector, String endpoint, String name) {
    for (Map.Entry<MetricName, KafkaMetric> metric : registry.metrics().entrySet()) {
      Map<String, String> tags = metric.getKey().tags();
      if (metric.getKey().name().equals(name) && endpoint.equals(tags.get("endpoint"))
          && (connector == null || connector.equals(tags.get("connector")))) {
        return metric.getValue().metricValue();
      }
    }
    return null;
  }

  private static double number(String endpoint, String name) {
    return ((Number) value(endpoint, name)).doubleValue();
  }

  @Test
  void requestsRetriesPagesRecordsDropsBadRecordsSyncsAndTheLagsAreCounted() throws Exception {
    try (FakeApiServer api = FakeApiServer.start(new Dataset().add(25))) {
      api.fault("/items", Fault.status(503, "1"));
      Map<String, String> props = new HashMap<>();
      props.put("endpoints", "metered");
      props.put("endpoint.metered.url", api.url("/items/page"));
      props.put("pagination.mode", "page_number");
      props.put("pagination.size.param", "per_page");
      props.put("pagination.size", "10");
      props.put("pagination.max.pages.per.poll", "100");
      props.put("key.fields", "note"); // two thirds of the items have none
      props.put("bad.response.policy", "error_topic");
      props.put("bad.response.topic", "metered-errors");
      props.put("watermark.field", "updated_at");
      props.put("watermark.param", "updated_since");
      props.put("poll.interval.ms", "1000");
      try (TaskHarness harness = new TaskHarness(props)) {
        HttpSourceTask task = harness.start();
        assertThat(number("metered", EndpointMetrics.REQUEST_LATENCY_MAX)).isNaN();
        harness.pollTimes(task, 1); // the 503
        assertThat(value("metered", EndpointMetrics.SYNCS)).isEqualTo(0.0);
        assertThat(value("metered", EndpointMetrics.SYNC_LAG)).as("no sync completed").isEqualTo(-1L);
        harness.pollTimes(task, 1); // after 1 s its retry and the whole sync (3 pages)
        harness.pollTimes(task, 2); // two more syncs: only the boundary record, dropped each time

        assertThat(value("metered", EndpointMetrics.REQUESTS)).isEqualTo(6.0);
        assertThat(value("metered", EndpointMetrics.RETRIES)).isEqualTo(1.0);
        assertThat(value("metered", EndpointMetrics.PAGES)).isEqualTo(5.0);
        assertThat(value("metered", EndpointMetrics.RECORDS)).isEqualTo(8.0);
        assertThat(value("metered", EndpointMetrics.BAD)).isEqualTo(17.0);
        assertThat(value("metered", EndpointMetrics.DROPPED)).isEqualTo(2.0);
        assertThat(value("metered", EndpointMetrics.SYNCS)).isEqualTo(3.0);
        long lag = harness.clock.millis() - Dataset.START.plusSeconds(24).toEpochMilli();
        assertThat(value("metered", EndpointMetrics.WATERMARK_LAG)).isEqualTo(lag);
        assertThat(number("metered", EndpointMetrics.REQUEST_LATENCY_MAX)).isPositive();
        assertThat(number("metered", EndpointMetrics.REQUEST_LATENCY_AVG)).isPositive()
            .isLessThanOrEqualTo(number("metered", EndpointMetrics.REQUEST_LATENCY_MAX));

        // The manual clock stands still within a sync: its lag starts at 0 and grows with time.
        long syncLag = (Long) value("metered", EndpointMetrics.SYNC_LAG);
        assertThat(syncLag).isBetween(0L, 1_000L);
        harness.clock.advance(4_000);
        assertThat(value("metered", EndpointMetrics.SYNC_LAG)).isEqualTo(syncLag + 4_000);

        task.stop();
        assertThat(value("metered", EndpointMetrics.RECORDS)).isNull();
        assertThat(value("metered", EndpointMetrics.SYNC_LAG)).isNull();
      }
    }
  }

  @Test
  void requestLatencyIsTheTimeTheServerTookToAnswer() throws Exception {
    ScheduledExecutorService releaser = Executors.newSingleThreadScheduledExecutor();
    try (FakeApiServer api = FakeApiServer.start(new Dataset().add(5))) {
      CountDownLatch release = new CountDownLatch(1);
      api.fault("/items", Fault.holdUntil(release));
      Map<String, String> props = TaskHarness.pageNumberEndpoint(api, Map.of());
      props.put("endpoints", "slow");
      props.put("endpoint.slow.url", props.remove("endpoint.items.url"));
      try (TaskHarness harness = new TaskHarness(props)) {
        HttpSourceTask task = harness.start();
        releaser.schedule(release::countDown, 300, TimeUnit.MILLISECONDS);
        assertThat(TaskHarness.poll(task)).hasSize(5);
        assertThat(number("slow", EndpointMetrics.REQUEST_LATENCY_MAX)).isGreaterThanOrEqualTo(300);
        assertThat(number("slow", EndpointMetrics.REQUEST_LATENCY_AVG)).isGreaterThanOrEqualTo(300);
      }
    } finally {
      releaser.shutdownNow();
    }
  }

  /**
   * Two connectors on one worker may both have an endpoint called "items": each counts only its
   * own requests and records, and deleting one leaves the other's metrics in place.
   */
  @Test
  void twoConnectorsWithAnEndpointOfTheSameNameCountApart() throws Exception {
    try (FakeApiServer api = FakeApiServer.start(new Dataset().add(25));
        Metrics worker = new Metrics()) {
      Map<String, String> props = TaskHarness.pageNumberEndpoint(api, Map.of());
      Map<String, String> propsA = new HashMap<>(props);
      propsA.put("name", "conn-a");
      Map<String, String> propsB = new HashMap<>(props);
      propsB.put("name", "conn-b");
      try (TaskHarness a = new TaskHarness(propsA); TaskHarness b = new TaskHarness(propsB)) {
        HttpSourceTask taskA = a.start(a.taskConfigs(1).get(0), pluginMetrics(worker, "conn-a"));
        HttpSourceTask taskB = b.start(b.taskConfigs(1).get(0), pluginMetrics(worker, "conn-b"));

        assertThat(a.pollTimes(taskA, 1)).hasSize(25);
        assertThat(value(worker, "conn-a", "items", EndpointMetrics.RECORDS)).isEqualTo(25.0);
        assertThat(value(worker, "conn-b", "items", EndpointMetrics.RECORDS)).isEqualTo(0.0);
        assertThat(value(worker, "conn-b", "items", EndpointMetrics.REQUESTS)).isEqualTo(0.0);

        taskA.stop();
        assertThat(value(worker, "conn-a", "items", EndpointMetrics.RECORDS)).isNull();
        assertThat(b.pollTimes(taskB, 1)).hasSize(25);
        assertThat(value(worker, "conn-b", "items", EndpointMetrics.RECORDS)).isEqualTo(25.0);
        assertThat(value(worker, "conn-b", "items", EndpointMetrics.SYNCS)).isEqualTo(1.0);
      }
    }
  }

  private static PluginMetricsImpl pluginMetrics(Metrics worker, String connector) {
    LinkedHashMap<String, String> tags = new LinkedHashMap<>();
    tags.put("connector", connector);
    tags.put("task", "0");
    return new PluginMetricsImpl(worker, tags);
  }
}
