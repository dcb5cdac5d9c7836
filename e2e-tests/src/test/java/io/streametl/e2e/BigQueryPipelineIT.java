package io.streametl.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.streametl.sink.bigquery.FakeBigQuery;
import io.streametl.source.generator.SubscriptionEvent;
import io.streametl.stack.ConnectWorker;
import io.streametl.stack.LocalStack;
import io.streametl.stack.rest.ConnectorConfigFile;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 7's end-to-end check: the generator (5% duplicates, invalid and late events) through the
 * validating chain into the dedup/aggregate sink with destination=bigquery, configured from
 * connect-configs/subscription-events-bigquery.json and pointed at {@link FakeBigQuery} in this JVM.
 * Workers are SIGKILLed mid-run; the events table must hold every distinct valid event exactly once
 * and the folded partial rows must equal a ground truth computed from the generated events.
 */
@ExtendWith(LocalStackExtension.class)
class BigQueryPipelineIT {

  private static final Logger LOG = LoggerFactory.getLogger(BigQueryPipelineIT.class);
  private static final String SINK_FILE = "subscription-events-bigquery.json";
  private static final String PROJECT = "e2e-project";
  private static final String DATASET = "e2e";
  private static final Duration COMPLETION = Duration.ofMinutes(5);
  private static final long MINUTE = 60_000L;

  private static FakeBigQuery fake;
  private PipelineRun run;
  private String table;

  @BeforeAll
  static void startFake() {
    fake = FakeBigQuery.start();
  }

  @AfterAll
  static void stopFake() {
    fake.close();
  }

  @AfterEach
  void removeConnectors() {
    if (run != null) {
      run.stop();
    }
  }

  /** The run's sink: the shipped BigQuery config, renamed per run and pointed at the fake. */
  private PipelineRun bigQueryRun(LocalStack stack, long events, double perSecond) {
    Path configs = Path.of(System.getProperty("streametl.connect.configs"));
    Map<String, String> shipped = ConnectorConfigFile.load(configs.resolve(SINK_FILE)).config();
    Map<String, String> overrides = new HashMap<>(shipped);
    // The Iceberg file PipelineRun starts from loses every key the BigQuery file does not have.
    ConnectorConfigFile.load(configs.resolve(PipelineRun.SINK_FILE)).config().keySet().forEach(key -> {
      if (!shipped.containsKey(key)) {
        overrides.put(key, null);
      }
    });
    overrides.put("iceberg.table", null);
    // PipelineRun names the topics and the dead-letter topic per run; the table is named here.
    overrides.remove("topics");
    overrides.remove("errors.deadletterqueue.topic.name");
    table = "events_" + java.util.UUID.randomUUID().toString().substring(0, 8);
    overrides.put("bigquery.table", table);
    overrides.putAll(fake.connectorConfig(PROJECT, DATASET));
    overrides.put("commit.interval.ms", "2000");
    overrides.put("bigquery.retry.initial-backoff.ms", "50");
    PipelineRun created = new PipelineRun(stack, events, perSecond, 0.05, overrides);
    return created;
  }

  @Test
  void everyDistinctValidEventExactlyOnceAndExactAggregatesThroughWorkerKills(LocalStack stack) {
    run = bigQueryRun(stack, 16_000, 500);
    PipelineRun.Expected expected = run.expected();
    run.start();
    try {
      int[] killAtRows = {4_000, 10_000};
      for (int i = 0; i < killAtRows.length; i++) {
        int threshold = killAtRows[i];
        await().atMost(COMPLETION).pollInterval(Duration.ofSeconds(1)).until(() -> eventIds().size() >= threshold);
        ConnectWorker victim = stack.worker(i % stack.workers().size());
        victim.kill();
        LOG.info("Kill {}: {} hard-killed at {} rows", i + 1, victim.name(), eventIds().size());
        victim.start();
        stack.awaitWorkersJoined(Duration.ofMinutes(2));
      }
      await().atMost(COMPLETION).pollInterval(Duration.ofSeconds(1)).until(() ->
          eventIds().size() >= expected.validIds().size()
              && run.deadLetters().size() >= expected.invalidIds().size());
      // Two more commit intervals: a row still in flight would show up as an extra.
      await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> eventIds().size() == expected.validIds().size());
    } finally {
      stack.awaitWorkersJoined(Duration.ofMinutes(2));
    }

    List<String> rows = eventIds();
    assertThat(rows).hasSameSizeAs(expected.validIds());
    assertThat(new HashSet<>(rows)).isEqualTo(new HashSet<>(expected.validIds()));
    assertAggregatesExact(expected);
    assertThat(fake.resource(PROJECT, DATASET, table + "_per_minute_folded").getView().getQuery())
        .contains("SUM(`record_count`)", "MIN(`min_amount`)");
    HashSet<String> deadKeys = new HashSet<>();
    run.deadLetters().forEach(l -> deadKeys.add(l.key()));
    assertThat(deadKeys).isEqualTo(new HashSet<>(expected.invalidIds()));
  }

  private List<String> eventIds() {
    List<String> ids = new ArrayList<>();
    fake.rows(PROJECT, DATASET, table).forEach(r -> ids.add(String.valueOf(r.get("event_id"))));
    return ids;
  }

  private void assertAggregatesExact(PipelineRun.Expected expected) {
    Map<String, long[]> counts = new TreeMap<>();
    Map<String, BigDecimal[]> sums = new TreeMap<>();
    for (Map<String, Object> row : fake.rows(PROJECT, DATASET, table + "_per_minute")) {
      long windowStartMillis = (Long) row.get("window_start") / 1000;
      String key = key(windowStartMillis, row.get("region"), row.get("channel"), row.get("plan"));
      counts.computeIfAbsent(key, k -> new long[1])[0] += (Long) row.get("record_count");
      BigDecimal[] s = sums.computeIfAbsent(key, k -> new BigDecimal[] {BigDecimal.ZERO, null, null});
      s[0] = s[0].add((BigDecimal) row.get("sum_amount"));
      s[1] = min(s[1], (BigDecimal) row.get("min_amount"));
      s[2] = max(s[2], (BigDecimal) row.get("max_amount"));
    }
    Map<String, long[]> truthCounts = new TreeMap<>();
    Map<String, BigDecimal[]> truthSums = new TreeMap<>();
    for (SubscriptionEvent e : expected.validEvents()) {
      long windowStart = Math.floorDiv(e.eventTime().toEpochMilli(), MINUTE) * MINUTE;
      String key = key(windowStart, e.region(), e.channel(), e.plan());
      truthCounts.computeIfAbsent(key, k -> new long[1])[0]++;
      BigDecimal[] s = truthSums.computeIfAbsent(key, k -> new BigDecimal[] {BigDecimal.ZERO, null, null});
      s[0] = s[0].add(e.amount());
      s[1] = min(s[1], e.amount());
      s[2] = max(s[2], e.amount());
    }
    assertThat(counts.keySet()).isEqualTo(truthCounts.keySet());
    truthCounts.forEach((key, t) -> {
      assertThat(counts.get(key)[0]).as("count %s", key).isEqualTo(t[0]);
      for (int i = 0; i < 3; i++) {
        assertThat(sums.get(key)[i]).as("sum/min/max %s %d", key, i).isEqualByComparingTo(truthSums.get(key)[i]);
      }
    });
    LOG.info("Folded {} window/group cells from the BigQuery partial rows; all equal the ground truth", truthCounts.size());
  }

  private static String key(long windowStart, Object region, Object channel, Object plan) {
    return windowStart + "|" + region + "|" + channel + "|" + plan;
  }

  private static BigDecimal min(BigDecimal a, BigDecimal b) {
    return a == null ? b : a.min(b);
  }

  private static BigDecimal max(BigDecimal a, BigDecimal b) {
    return a == null ? b : a.max(b);
  }
}
