package io.streametl.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.airlift.slice.Slices;
import io.airlift.stats.cardinality.HyperLogLog;
import io.streametl.source.generator.SubscriptionEvent;
import io.streametl.stack.ConnectWorker;
import io.streametl.stack.LocalStack;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 3's end-to-end check: the generator with 5% duplicates, 2% invalid and 5% late events,
 * through the validating chain into the dedup/aggregate sink. The events table must equal the
 * distinct valid events, the folded aggregates a ground truth computed from the generated events,
 * and the dead-letter topic the invalid records; also under worker kills and a broker restart.
 */
@ExtendWith(LocalStackExtension.class)
class DedupAggregatePipelineIT {

  private static final Logger LOG = LoggerFactory.getLogger(DedupAggregatePipelineIT.class);
  private static final Duration COMPLETION = Duration.ofMinutes(5);
  private static final long MINUTE = 60_000L;

  private PipelineRun run;

  @AfterEach
  void removeConnectors() {
    if (run != null) {
      run.stop();
    }
  }

  @Test
  void eventsAreDeduplicatedAndTheFoldedAggregatesAreExact(LocalStack stack) {
    run = new PipelineRun(stack, 8_000, 2_000, 0.05);
    PipelineRun.Expected expected = run.expected();
    run.start();

    awaitCompletion(expected);

    assertEventsTableExact(expected);
    assertAggregatesExact(expected);
    List<PipelineRun.DeadLetter> letters = run.deadLetters();
    assertThat(letters).extracting(PipelineRun.DeadLetter::key).containsExactlyInAnyOrderElementsOf(expected.invalidIds());
  }

  @Test
  void threeWorkerKillsAndABrokerRestartChangeNothingInTheTables(LocalStack stack) {
    run = new PipelineRun(stack, 30_000, 1_000, 0.05);
    PipelineRun.Expected expected = run.expected();
    run.start();

    try {
      int[] killAtRows = {3_000, 9_000, 15_000};
      for (int i = 0; i < killAtRows.length; i++) {
        int threshold = killAtRows[i];
        await().atMost(COMPLETION).pollInterval(Duration.ofSeconds(1))
            .until(() -> run.tableEventIds().size() >= threshold);
        ConnectWorker victim = stack.worker(i % stack.workers().size());
        victim.kill();
        LOG.info("Kill {}: {} hard-killed at {} rows", i + 1, victim.name(), run.tableEventIds().size());
        victim.start();
        stack.awaitWorkersJoined(Duration.ofMinutes(2));
      }
      await().atMost(COMPLETION).pollInterval(Duration.ofSeconds(1))
          .until(() -> run.tableEventIds().size() >= 20_000);
      stack.broker().restart();
      LOG.info("Broker restarted at {} rows", run.tableEventIds().size());
      stack.awaitWorkersJoined(Duration.ofMinutes(2));
      run.restartFailedTasks();

      awaitCompletion(expected);
    } finally {
      stack.awaitWorkersJoined(Duration.ofMinutes(2));
    }

    assertEventsTableExact(expected);
    assertAggregatesExact(expected);
    // Connect's dead-letter queue is written at least once: the same invalid records, maybe twice.
    Set<String> deadKeys = new HashSet<>();
    run.deadLetters().forEach(l -> deadKeys.add(l.key()));
    assertThat(deadKeys).isEqualTo(new HashSet<>(expected.invalidIds()));
  }

  private void awaitCompletion(PipelineRun.Expected expected) {
    await().atMost(COMPLETION).pollInterval(Duration.ofSeconds(1)).until(() ->
        run.tableEventIds().size() >= expected.validIds().size()
            && run.deadLetters().size() >= expected.invalidIds().size());
    // Two more commit intervals: a row still in flight would show up as an extra.
    await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> run.tableEventIds().size() == expected.validIds().size());
  }

  private void assertEventsTableExact(PipelineRun.Expected expected) {
    List<String> rows = run.tableEventIds();
    assertThat(rows).hasSameSizeAs(expected.validIds());
    assertThat(new HashSet<>(rows)).isEqualTo(new HashSet<>(expected.validIds()));
  }

  /** Folds the partial rows as the shipped SQL view does and compares with the ground truth. */
  private void assertAggregatesExact(PipelineRun.Expected expected) {
    Map<String, Folded> folded = new TreeMap<>();
    for (Record row : run.tableRecords(run.table + "_per_minute")) {
      String key = key(((OffsetDateTime) row.getField("window_start")).toInstant().toEpochMilli(),
          row.getField("region"), row.getField("channel"), row.getField("plan"));
      Folded f = folded.computeIfAbsent(key, k -> new Folded());
      f.count += (Long) row.getField("record_count");
      f.sum = f.sum.add((BigDecimal) row.getField("sum_amount"));
      f.min = min(f.min, (BigDecimal) row.getField("min_amount"));
      f.max = max(f.max, (BigDecimal) row.getField("max_amount"));
      ByteBuffer sketch = (ByteBuffer) row.getField("approx_distinct_user_id");
      byte[] bytes = new byte[sketch.remaining()];
      sketch.duplicate().get(bytes);
      HyperLogLog hll = HyperLogLog.newInstance(Slices.wrappedBuffer(bytes));
      if (f.users == null) {
        f.users = hll;
      } else {
        f.users.mergeWith(hll);
      }
    }

    Map<String, Folded> truth = new TreeMap<>();
    Map<String, Set<String>> users = new HashMap<>();
    for (SubscriptionEvent e : expected.validEvents()) {
      long windowStart = Math.floorDiv(e.eventTime().toEpochMilli(), MINUTE) * MINUTE;
      String key = key(windowStart, e.region(), e.channel(), e.plan());
      Folded t = truth.computeIfAbsent(key, k -> new Folded());
      t.count++;
      t.sum = t.sum.add(e.amount());
      t.min = min(t.min, e.amount());
      t.max = max(t.max, e.amount());
      users.computeIfAbsent(key, k -> new HashSet<>()).add(e.userId());
    }

    assertThat(folded.keySet()).isEqualTo(truth.keySet());
    truth.forEach((key, t) -> {
      Folded f = folded.get(key);
      assertThat(f.count).as("count %s", key).isEqualTo(t.count);
      assertThat(f.sum).as("sum %s", key).isEqualByComparingTo(t.sum);
      assertThat(f.min).as("min %s", key).isEqualByComparingTo(t.min);
      assertThat(f.max).as("max %s", key).isEqualByComparingTo(t.max);
      long exactUsers = users.get(key).size();
      assertThat((double) f.users.cardinality()).as("distinct users %s", key)
          .isCloseTo(exactUsers, org.assertj.core.data.Offset.offset(Math.max(1.0, exactUsers * 0.05)));
    });
    LOG.info("Folded {} window/group cells from the aggregates table; all equal the ground truth", truth.size());
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

  private static final class Folded {
    long count;
    BigDecimal sum = BigDecimal.ZERO;
    BigDecimal min;
    BigDecimal max;
    HyperLogLog users;
  }
}
