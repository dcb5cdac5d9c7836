package io.streametl.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.streametl.stack.LocalStack;
import io.streametl.stack.rest.ConnectorConfigFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The validate + enrich chain of connect-configs/subscription-events-validated-chain.json
 * (ValidateJsonSchema, ValidateFields, InsertMetadata, DeriveEventId, ProtectFields behind a
 * FieldIn predicate) on the real cluster, between the generator and the Iceberg sink: every
 * invalid event reaches the sink's dead-letter queue with the JSON Schema reason in Connect's
 * error headers, and no record content in that reason; every valid event reaches the table.
 */
@ExtendWith(LocalStackExtension.class)
class ValidatedChainIT {

  static final String CHAIN_FILE = "subscription-events-validated-chain.json";
  private static final Duration COMPLETION = Duration.ofMinutes(4);

  private PipelineRun run;
  private ConnectorConfigFile chain;
  private LocalStack stack;

  @AfterEach
  void removeConnectors() {
    if (chain != null) {
      stack.rest().delete(chain.name());
    }
    if (run != null) {
      run.stop();
    }
  }

  @Test
  void invalidEventsReachTheDeadLetterQueueWithTheReasonAndValidOnesTheTable(LocalStack stack) {
    this.stack = stack;
    run = new PipelineRun(stack, 3_000, 3_000);
    // The chain's sink takes the place of the run's own sink: same topic, table and DLQ.
    chain = ConnectorConfigFile.load(Path.of(System.getProperty("streametl.connect.configs"))
            .resolve(CHAIN_FILE))
        .withName(run.id + "-chain")
        .withOverrides(Map.of(
            "topics", run.topic,
            "errors.deadletterqueue.topic.name", run.deadLetterTopic,
            "iceberg.table", run.table,
            "commit.interval.ms", "2000"));
    PipelineRun.Expected expected = run.expected();
    assertThat(expected.invalidIds()).as("the run must contain invalid events").isNotEmpty();

    stack.rest().createOrUpdate(chain.name(), chain.config());
    stack.rest().awaitRunning(chain.name(), 2, Duration.ofMinutes(2));
    stack.rest().createOrUpdate(run.generator.name(), run.generator.config());
    stack.rest().awaitRunning(run.generator.name(), 1, Duration.ofMinutes(2));
    await().atMost(COMPLETION).pollInterval(Duration.ofSeconds(1)).until(() ->
        run.tableEventIds().size() >= expected.validIds().size()
            && run.deadLetters().size() >= expected.invalidIds().size());

    List<PipelineRun.DeadLetter> letters = run.deadLetters();
    assertThat(letters).extracting(PipelineRun.DeadLetter::key)
        .containsExactlyInAnyOrderElementsOf(expected.invalidIds());
    assertThat(letters).allSatisfy(letter -> assertThat(letter.reason())
        .startsWith("ValidateJsonSchema: record value failed")
        .contains(" rule")
        .doesNotContain("user-"));
    // Each invalid kind is named by what the schema expected: a missing or null field, a wrong
    // type, or a string where an object belongs (the truncated JSON).
    assertThat(letters).extracting(PipelineRun.DeadLetter::reason)
        .anyMatch(reason -> reason.contains("string found, object expected"))
        .anyMatch(reason -> reason.contains("at '/amount': string found, number expected"));
    List<String> rows = run.tableEventIds();
    assertThat(rows).hasSameSizeAs(expected.validIds());
    assertThat(PipelineRun.distinct(rows)).isEqualTo(PipelineRun.distinct(expected.validIds()));
  }
}
