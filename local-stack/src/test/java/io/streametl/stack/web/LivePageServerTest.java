package io.streametl.stack.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LivePageServerTest {

  private final HttpClient http = HttpClient.newHttpClient();
  private LivePageServer page;

  @AfterEach
  void stop() {
    if (page != null) {
      page.close();
    }
  }

  static LiveStatus status(long duplicates) {
    return new LiveStatus(12.5,
        List.of(new LiveStatus.Pipeline("events", "subscription-events", 1_000L, 250.0)),
        List.of(new ThroughputHistory.Point(2.0, Map.of("events", 250.0))),
        Map.of("subscription-events-dlq", 20L),
        new LiveStatus.SinkCounters(900L, duplicates, 3L, 20L),
        new LiveStatus.Aggregates("demo.t_per_minute", List.of("2026-11-21T10:00:00Z"),
            Map.of("eu", List.of(5L)), Map.of("web", List.of(5L))));
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(page.url().resolve(path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesTheLatestStatusAsJsonAndNeverCached() throws Exception {
    long[] duplicates = {7};
    page = LivePageServer.start(0, () -> status(duplicates[0]));

    HttpResponse<String> first = get("/api/status");
    duplicates[0] = 8;
    JsonNode second = new ObjectMapper().readTree(get("/api/status").body());

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(new ObjectMapper().readTree(first.body()).at("/sink/duplicatesDropped").asLong())
        .isEqualTo(7);
    assertThat(second.at("/sink/duplicatesDropped").asLong()).isEqualTo(8);
    assertThat(second.at("/pipelines/0/perSecond").asDouble()).isEqualTo(250.0);
    assertThat(second.at("/history/0/perSecond/events").asDouble()).isEqualTo(250.0);
    assertThat(second.at("/aggregates/byRegion/eu/0").asLong()).isEqualTo(5);
    assertThat(second.at("/deadLetters/subscription-events-dlq").asLong()).isEqualTo(20);
  }

  @Test
  void servesThePageItsScriptAndStyleAndNothingElse() throws Exception {
    page = LivePageServer.start(0, () -> status(0));

    HttpResponse<String> index = get("/");
    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(index.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(index.body()).contains("<script src=\"live.js\">", "href=\"live.css\"");
    assertThat(get("/live.js").body()).contains("/api/status");
    assertThat(get("/live.css").headers().firstValue("Content-Type"))
        .hasValue("text/css; charset=utf-8");

    HttpResponse<String> missing = get("/../etc/passwd");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains("the live page is at /");
    HttpResponse<String> post = http.send(HttpRequest.newBuilder(page.url().resolve("/api/status"))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(405);
  }

  @Test
  void aFailingStatusIsAnErrorForThatRequestOnly() throws Exception {
    boolean[] fail = {true};
    page = LivePageServer.start(0, () -> {
      if (fail[0]) {
        throw new IllegalStateException("not yet");
      }
      return status(1);
    });

    assertThat(get("/api/status").statusCode()).isEqualTo(500);
    fail[0] = false;
    assertThat(get("/api/status").statusCode()).isEqualTo(200);
  }

  @Test
  void aPortInUseNamesTheOptionThatChangesIt() {
    page = LivePageServer.start(0, () -> status(0));
    int taken = page.url().getPort();

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> LivePageServer.start(taken,
        () -> status(0))).hasMessageContaining("--web-port").hasMessageContaining("" + taken);
    assertThat(URI.create(page.url().toString()).getHost()).isEqualTo("localhost");
  }
}
