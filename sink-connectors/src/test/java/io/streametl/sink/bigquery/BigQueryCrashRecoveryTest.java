package io.streametl.sink.bigquery;

import static io.streametl.sink.bigquery.FakeBigQueryFixture.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A task dies at each step of a commit (the step fails for good, and the task is abandoned); a new
 * task opens the partition, replays from the offset the ledger gives it, and commits. Whatever the
 * step, every event is in the events table exactly once, the partial rows add up to the exact count,
 * and the state recorded with the offsets is the one written with them.
 */
class BigQueryCrashRecoveryTest {

  static final TopicPartition P0 = new TopicPartition("events", 0);

  FakeBigQuery fake;
  FakeBigQueryFixture fixture;

  @BeforeEach
  void start() {
    fake = FakeBigQuery.start();
    fixture = new FakeBigQueryFixture(fake);
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  /** What the task does in a cycle: rows, one partial row counting them, a state file, the commit. */
  static void cycle(BigQueryDestination destination, long from, long to) throws Exception {
    for (long offset = from; offset < to; offset++) {
      destination.write(record(0, offset));
    }
    Map<String, Object> partial = new LinkedHashMap<>();
    partial.put("window_start", Instant.parse("2026-11-21T10:00:00Z"));
    partial.put("window_end", Instant.parse("2026-11-21T10:01:00Z"));
    partial.put("region", "eu");
    partial.put("record_count", to - from);
    partial.put("sum_amount", new BigDecimal("12.30").multiply(BigDecimal.valueOf(to - from)));
    partial.put("max_amount", new BigDecimal("12.30"));
    destination.writeAggregateRows("per_minute", List.of(partial));
    String file = "events-0/" + to + "-delta.seds";
    try (OutputStream out = destination.stateFiles().create(file)) {
      out.write(("state up to " + to).getBytes(StandardCharsets.UTF_8));
    }
    destination.commit(Map.of(P0, to), Map.of(P0, "{\"dedup_files\":[\"" + file + "\"]}"));
  }

  private long countedPartials() {
    return fixture.rows("events_per_minute").stream().mapToLong(r -> (Long) r.get("record_count")).sum();
  }

  @ParameterizedTest(name = "{0} on {1} fails for good; recorded in the ledger before: {2}")
  @CsvSource({
      "CreateWriteStream, events, false",
      "AppendRows, events, false",
      "AppendRows, events_per_minute, false",
      "FinalizeWriteStream, events_per_minute, false",
      "BatchCommitWriteStreams, streametl_state, false",
      "AppendRows, streametl_ledger, false",
      "BatchCommitWriteStreams, streametl_ledger, false",
      "BatchCommitWriteStreams, events, true",
      "BatchCommitWriteStreams, events_per_minute, true",
  })
  void aCrashAtAnyStepIsRecoveredExactlyOnce(String method, String table, boolean recorded) throws Exception {
    try (BigQueryDestination first = fixture.destination("sink", 0)) {
      first.committedOffsets(List.of(P0));
      cycle(first, 0, 3);
      fake.failNext(method, table, Status.Code.PERMISSION_DENIED, 1);
      assertThatThrownBy(() -> cycle(first, 3, 6)).isInstanceOf(RuntimeException.class);
    }
    if (recorded) {
      assertThat(fixture.eventIds().size() + countedPartials())
          .as("the ledger has the commit, but the tables do not show all of it yet").isLessThan(6 + 6);
    }

    try (BigQueryDestination next = fixture.destination("sink", 1)) {
      long resume = next.committedOffsets(List.of(P0)).get(P0);
      assertThat(resume).isEqualTo(recorded ? 6L : 3L);
      String file = "events-0/" + resume + "-delta.seds";
      assertThat(next.committedStates(List.of(P0))).containsEntry(P0, "{\"dedup_files\":[\"" + file + "\"]}");
      try (InputStream in = next.stateFiles().open(file)) {
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("state up to " + resume);
      }
      if (resume < 6) {
        cycle(next, resume, 6);
      }
      cycle(next, 6, 8);
    }

    assertThat(fixture.eventIds()).containsExactlyInAnyOrder(
        "e-0-0", "e-0-1", "e-0-2", "e-0-3", "e-0-4", "e-0-5", "e-0-6", "e-0-7");
    assertThat(countedPartials()).isEqualTo(8);
    try (BigQueryDestination last = fixture.destination("sink", 2)) {
      assertThat(last.committedOffsets(List.of(P0))).containsEntry(P0, 8L);
    }
  }
}
