package io.streametl.source.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streametl.source.http.fakeapi.Dataset;
import io.streametl.source.http.fakeapi.FakeApiServer;
import io.streametl.source.http.fakeapi.Fault;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The polite client: waits come from a manual clock (a wait returns at once and moves it), so
 * these tests check every backoff without waiting for one.
 */
class RetriesTest {

  private FakeApiServer api;

  @BeforeEach
  void startApi() throws IOException {
    api = FakeApiServer.start(new Dataset().add(25));
  }

  @AfterEach
  void stopApi() {
    api.close();
  }

  private Map<String, String> props(String... settings) {
    api.auth().bearer("s3cr3t-token");
    return TaskHarness.pageNumberEndpoint(api, Map.of("auth.type", "bearer", "auth.bearer.token", "s3cr3t-token"), settings);
  }

  @Test
  void aRetryAfterInSecondsIsWaitedOutExactly() throws Exception {
    api.fault("/items", Fault.status(429, "7"));
    try (TaskHarness harness = new TaskHarness(props())) {
      List<SourceRecord> records = harness.pollUntil(harness.start(), r -> r.size() >= 25, 20);

      assertThat(records).hasSize(25);
      assertThat(harness.sleeper.sleeps()).containsExactly(1000L, 1000L, 1000L, 1000L, 1000L,
          1000L, 1000L);
      assertThat(api.requestsTo("/items")).hasSize(4); // the 429, then pages 1 to 3
    }
  }

  @Test
  void aRetryAfterHttpDateIsWaitedOutUntilThatTime() throws Exception {
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(
        Instant.ofEpochMilli(TaskHarness.START_MS + 3_000).atOffset(ZoneOffset.UTC));
    api.fault("/items", Fault.status(503, date));
    try (TaskHarness harness = new TaskHarness(props())) {
      List<SourceRecord> records = harness.pollUntil(harness.start(), r -> r.size() >= 25, 20);

      assertThat(records).hasSize(25);
      assertThat(harness.sleeper.sleeps().stream().mapToLong(Long::longValue).sum()).isEqualTo(3_000);
    }
  }

  @Test
  void transientServerErrorsAreRetriedWithBackoffAndJitter() throws Exception {
    api.fault("/items", Fault.status(500), Fault.status(502), Fault.status(500));
    try (TaskHarness harness = new TaskHarness(props("http.retry.backoff.initial.ms", "1000",
        "http.retry.backoff.max.ms", "4000"))) {
      List<SourceRecord> records = harness.pollUntil(harness.start(), r -> r.size() >= 25, 40);

      assertThat(records).hasSize(25);
      // Waits of 1-2 s... for 1000, 2000, 4000 ms ceilings, each between half and all of it.
      long waited = harness.clock.millis() - TaskHarness.START_MS;
      assertThat(waited).isBetween(500L + 1000 + 2000, 1000L + 2000 + 4000);
    }
  }

  @Test
  void aSlowResponseTimesOutAndIsRetried() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    api.fault("/items", Fault.holdUntil(release));
    try (TaskHarness harness = new TaskHarness(props("http.request.timeout.ms", "300"))) {
      List<SourceRecord> records = harness.pollUntil(harness.start(), r -> r.size() >= 25, 20);

      assertThat(records).hasSize(25);
      assertThat(api.requestsTo("/items")).hasSize(4); // the one held back, then pages 1 to 3
    } finally {
      release.countDown();
    }
  }

  @Test
  void exhaustedRetriesFailTheTaskNamingTheEndpointAndStatusButNoSecret() {
    api.fault("/items", Fault.status(503), Fault.status(503), Fault.status(503));
    try (TaskHarness harness = new TaskHarness(props("http.retry.max.retries", "2"))) {
      HttpSourceTask task = harness.start();

      assertThatThrownBy(() -> harness.pollTimes(task, 20))
          .isInstanceOf(ConnectException.class)
          .hasMessageContaining("Endpoint 'items' (GET " + api.url("/items/page") + ")")
          .hasMessageContaining("gave up after 2 retries")
          .hasMessageContaining("HTTP 503")
          .hasMessageNotContaining("s3cr3t-token");
      assertThat(api.requestsTo("/items")).hasSize(3);
    }
  }

  @Test
  void aRetryAfterLongerThanAllowedFailsSayingSo() {
    api.fault("/items", Fault.status(429, "3600"));
    try (TaskHarness harness = new TaskHarness(props("http.retry.after.max.ms", "60000"))) {
      HttpSourceTask task = harness.start();

      assertThatThrownBy(() -> TaskHarness.poll(task)).isInstanceOf(ConnectException.class)
          .hasMessageContaining("HTTP 429 with Retry-After of 3600 s")
          .hasMessageContaining("http.retry.after.max.ms");
    }
  }

  @Test
  void permanentErrorsFailAtOnceWithWhatToCheck() {
    for (Map.Entry<Integer, String> status : Map.of(400, "check the endpoint's URL parameters",
        403, "the bearer token (auth.bearer.token) may not read this endpoint",
        404, "check the endpoint's URL",
        401, "the server rejected the bearer token").entrySet()) {
      api.fault("/items", Fault.status(status.getKey()));
      try (TaskHarness harness = new TaskHarness(props())) {
        HttpSourceTask task = harness.start();
        int before = api.requestsTo("/items").size();

        assertThatThrownBy(() -> TaskHarness.poll(task)).isInstanceOf(ConnectException.class)
            .hasMessageContaining("Endpoint 'items'")
            .hasMessageContaining("HTTP " + status.getKey())
            .hasMessageContaining(status.getValue())
            .hasMessageNotContaining("s3cr3t-token");
        assertThat(api.requestsTo("/items")).hasSize(before + 1);
      }
    }
  }

  @Test
  void connectionErrorsAreRetriedThenReported() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    try (TaskHarness harness = new TaskHarness(props("endpoint.items.url",
        "http://127.0.0.1:" + closedPort + "/items", "http.retry.max.retries", "2"))) {
      HttpSourceTask task = harness.start();

      assertThatThrownBy(() -> harness.pollTimes(task, 20)).isInstanceOf(ConnectException.class)
          .hasMessageContaining("gave up after 2 retries")
          .hasMessageContaining("connection error");
    }
  }

  @Test
  void anEndpointWaitingForItsRetryDoesNotHoldUpTheOthers() throws Exception {
    api.fault("/items/page", Fault.status(429, "30"));
    Map<String, String> props = props("endpoints", "waiting,other",
        "endpoint.waiting.url", api.url("/items/page"), "endpoint.other.url", api.url("/items/offset"),
        "endpoint.other.pagination.mode", "offset_limit", "endpoint.other.records.pointer", "/results",
        "endpoint.other.pagination.size.param", "limit");
    props.remove("endpoint.items.url");
    try (TaskHarness harness = new TaskHarness(props)) {
      HttpSourceTask task = harness.start();

      List<SourceRecord> first = TaskHarness.poll(task);
      List<SourceRecord> rest = harness.pollUntil(task, r -> r.size() >= 25, 40);

      assertThat(first).hasSize(25).allSatisfy(r -> assertThat(r.topic()).isEqualTo("other"));
      assertThat(rest).hasSize(25).allSatisfy(r -> assertThat(r.topic()).isEqualTo("waiting"));
      assertThat(harness.clock.millis() - TaskHarness.START_MS).isEqualTo(30_000);
    }
  }

  @Test
  void theRateLimitSpacesRequestsAcrossTheConnectorsTasks() throws Exception {
    // 4 requests per second for the connector, 2 tasks: each task gets one request per 500 ms.
    Map<String, String> props = props("endpoints", "a,b", "endpoint.a.url", api.url("/items/page"),
        "endpoint.b.url", api.url("/items/page"), "http.rate.limit.per.second", "4");
    props.remove("endpoint.items.url");
    try (TaskHarness harness = new TaskHarness(props)) {
      HttpSourceTask task = harness.start(harness.taskConfigs(2).get(0));
      harness.pollUntil(task, r -> r.size() >= 25, 10);

      assertThat(api.requestsTo("/items")).hasSize(3);
      assertThat(harness.sleeper.sleeps()).containsExactly(500L, 500L);
    }
  }
}
