package io.streametl.source.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.streametl.source.http.fakeapi.Dataset;
import io.streametl.source.http.fakeapi.FakeApiServer;
import io.streametl.source.http.fakeapi.Fault;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.junit.jupiter.api.Test;

class EndpointMetricsTest {

  private static Object value(String endpoint, String name) {
    for (Map.Entry<MetricName, KafkaMetric> metric : TaskHarness.METRICS.metrics().entrySet()) {
      if (metric.getKey().name().equals(name) && endpoint.equals(metric.getKey().tags().get("endpoint"))) {
        return metric.getValue().metricValue();
      }
    }
    return null;
  }

  @Test
  void requestsRetriesPagesRecordsDropsBadRecordsAndTheWatermarkLagAreCounted() throws Exception {
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
        harness.pollTimes(task, 2); // the 503, then after 1 s its retry and the whole sync (3 pages)
        harness.pollTimes(task, 2); // two more syncs: only the boundary record, dropped each time

        assertThat(value("metered", EndpointMetrics.REQUESTS)).isEqualTo(6.0);
        assertThat(value("metered", EndpointMetrics.RETRIES)).isEqualTo(1.0);
        assertThat(value("metered", EndpointMetrics.PAGES)).isEqualTo(5.0);
        assertThat(value("metered", EndpointMetrics.RECORDS)).isEqualTo(8.0);
        assertThat(value("metered", EndpointMetrics.BAD)).isEqualTo(17.0);
        assertThat(value("metered", EndpointMetrics.DROPPED)).isEqualTo(2.0);
        long lag = harness.clock.millis() - Dataset.START.plusSeconds(24).toEpochMilli();
        assertThat(value("metered", EndpointMetrics.WATERMARK_LAG)).isEqualTo(lag);

        task.stop();
        assertThat(value("metered", EndpointMetrics.RECORDS)).isNull();
      }
    }
  }
}
