package io.streametl.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.streametl.stack.LocalStack;
import io.streametl.stack.rest.ConnectorConfigFile;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The stock Apache Iceberg sink, shipped in our bundle, lands every record of the topic as raw
 * text beside our clean table: valid, invalid and unparseable alike.
 */
@ExtendWith(LocalStackExtension.class)
class RawLandingIT {

  private PipelineRun run;
  private ConnectorConfigFile raw;
  private LocalStack stack;

  @AfterEach
  void removeConnectors() {
    if (raw != null) {
      stack.rest().delete(raw.name());
    }
    if (run != null) {
      run.stop();
    }
  }

  @Test
  void theStockIcebergSinkLandsEveryRecordAsText(LocalStack stack) {
    this.stack = stack;
    run = new PipelineRun(stack, 3_000, 3_000);
    String rawTable = run.table + "_raw";
    raw = run.rawLandingSink(rawTable);
    stack.rest().createOrUpdate(raw.name(), raw.config());
    stack.rest().awaitRunning(raw.name(), 1, Duration.ofMinutes(2));
    run.start();
    PipelineRun.Expected expected = run.expected();
    int total = expected.validIds().size() + expected.invalidIds().size();

    await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
        .until(() -> run.tableRows(rawTable, "payload").size() >= total);

    List<String> payloads = run.tableRows(rawTable, "payload");
    assertThat(payloads).hasSize(total).allMatch(payload -> !payload.isBlank());
    Set<String> landedIds = new HashSet<>();
    payloads.forEach(payload -> PipelineRun.eventIdIn(payload).ifPresent(landedIds::add));
    assertThat(landedIds).containsAll(expected.validIds());
  }
}
