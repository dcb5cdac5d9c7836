package io.streametl.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.streametl.stack.ConnectWorker;
import io.streametl.stack.LocalStack;
import io.streametl.stack.demoapi.DemoApiServer;
import io.streametl.stack.rest.ConnectorConfigFile;
import io.streametl.stack.rest.ConnectorStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP source on the real distributed cluster with exactly-once source support, created from
 * connect-configs/http-api-source.json: 2 tasks over 4 endpoints, one per pagination style, with
 * incremental sync. The worker running task 0 is killed (SIGKILL) in the middle of the sync, new
 * items and new versions of old ones appear after the kill, and every endpoint's topic must end
 * up with every item version exactly once (read_committed).
 */
@ExtendWith(LocalStackExtension.class)
class HttpSourceExactlyOnceIT {

  private static final Logger LOG = LoggerFactory.getLogger(HttpSourceExactlyOnceIT.class);
  private static final String CONFIG_FILE = "http-api-source.json";
  private static final String TOKEN = "e2e-token";
  private static final int ITEMS = 3_000;
  private static final Duration COMPLETION = Duration.ofMinutes(4);

  private final LocalStack stack;
  private final String run = "http-" + UUID.randomUUID().toString().substring(0, 8);
  private DemoApiServer api;
  private ConnectorConfigFile connector;

  HttpSourceExactlyOnceIT(LocalStack stack) {
    this.stack = stack;
  }

  @AfterEach
  void cleanUp() {
    if (connector != null) {
      stack.rest().delete(connector.name());
    }
    if (api != null) {
      api.close();
    }
  }

  private String topic(String endpoint) {
    return run + "." + endpoint;
  }

  @Test
  void everyApiRecordLandsExactlyOnceAcrossAWorkerKill() throws Exception {
    api = new DemoApiServer(TOKEN);
    api.add(ITEMS);
    Map<String, String> overrides = new HashMap<>();
    overrides.put("base.url", api.baseUrl());
    overrides.put("endpoints", String.join(",", DemoApiServer.ENDPOINTS));
    overrides.put("topic", run + ".${endpoint}");
    overrides.put("bad.response.topic", run + ".errors");
    overrides.put("auth.bearer.token", TOKEN);
    overrides.put("exactly.once.support", "required");
    overrides.put("pagination.size", "50");
    overrides.put("pagination.max.pages.per.poll", "2");
    overrides.put("http.rate.limit.per.second", "10");
    overrides.put("poll.interval.ms", "1000");
    overrides.put("endpoint.invoices.url", "/invoices");
    overrides.put("endpoint.invoices.pagination.mode", "page_number");
    overrides.put("endpoint.events.url", "/events");
    overrides.put("endpoint.events.pagination.mode", "next_url");
    overrides.put("endpoint.events.records.pointer", "/items");
    overrides.put("endpoint.events.pagination.next.url.pointer", "/links/next");
    Path configs = Path.of(System.getProperty("streametl.connect.configs"));
    connector = ConnectorConfigFile.load(configs.resolve(CONFIG_FILE)).withName(run)
        .withOverrides(overrides);

    assertThat(stack.rest().validate(connector).errorCount()).isZero();
    stack.rest().createOrUpdate(connector.name(), connector.config());
    stack.rest().awaitRunning(connector.name(), 2, Duration.ofMinutes(2));

    // Kill the worker of task 0 in the middle of the sync, once every endpoint has committed its
    // first pages (the items updated below must have landed in their first version).
    // Each topic is read once per check (a check reads up to 12,000 records).
    await().atMost(COMPLETION).pollInterval(Duration.ofSeconds(1)).until(() -> {
      if (!api.everyEndpointCalled()) {
        return false;
      }
      Map<String, Integer> committed = committedCounts();
      return committed.values().stream().allMatch(n -> n >= 100)
          && committed.values().stream().mapToInt(Integer::intValue).sum() >= 1_500;
    });
    ConnectorStatus status = stack.rest().status(connector.name());
    String workerId = status.tasks().get(0).workerId();
    ConnectWorker victim = stack.workers().stream().filter(w -> w.workerId().equals(workerId))
        .findFirst().orElseThrow();
    int atKill = committedTotal();
    victim.kill();
    LOG.info("Killed {} (running task 0) with {} of {} records committed", victim.name(), atKill,
        ITEMS * DemoApiServer.ENDPOINTS.size());
    // New items, and new versions of items already sent, appear while the tasks move.
    assertThat(atKill).as("killed before the sync was done").isLessThan(ITEMS * 4);
    api.add(250);
    api.updateFirst(20);

    try {
      Map<String, Set<String>> expected = new HashMap<>();
      DemoApiServer.ENDPOINTS.forEach(e -> expected.put(e, api.versions(e)));
      await().atMost(COMPLETION).pollInterval(Duration.ofSeconds(1)).until(() ->
          DemoApiServer.ENDPOINTS.stream().allMatch(e ->
              versions(topic(e)).size() >= expected.get(e).size()));
      // A few more syncs: anything emitted twice would show up now.
      await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> DemoApiServer.ENDPOINTS.stream().allMatch(e ->
              versions(topic(e)).size() == expected.get(e).size()));

      for (String endpoint : DemoApiServer.ENDPOINTS) {
        List<String> landed = versions(topic(endpoint));
        assertThat(landed).as("duplicates in %s", topic(endpoint)).doesNotHaveDuplicates();
        assertThat(new HashSet<>(landed)).as("versions in %s", topic(endpoint))
            .isEqualTo(expected.get(endpoint));
      }
      assertThat(stack.rest().status(connector.name()).isRunning(2)).isTrue();
    } finally {
      victim.start();
      stack.awaitWorkersJoined(Duration.ofMinutes(2));
    }
  }

  private int committedTotal() {
    return committedCounts().values().stream().mapToInt(Integer::intValue).sum();
  }

  /** The number of committed records of each endpoint's topic. */
  private Map<String, Integer> committedCounts() {
    Map<String, Integer> counts = new HashMap<>();
    for (String endpoint : DemoApiServer.ENDPOINTS) {
      counts.put(endpoint, versions(topic(endpoint)).size());
    }
    return counts;
  }

  /** "id@version" of every committed record of the topic (none if it does not exist yet). */
  private List<String> versions(String topic) {
    List<String> versions = new ArrayList<>();
    try {
      for (CommittedRecords.Payloads record : CommittedRecords.readAll(stack.bootstrapServers(), topic)) {
        versions.add(record.value().get("id").asLong() + "@" + record.value().get("version").asInt());
      }
    } catch (org.apache.kafka.common.errors.TimeoutException e) {
      return List.of(); // the topic is not created yet
    }
    return versions;
  }
}
