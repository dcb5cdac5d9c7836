package io.streametl.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.streametl.stack.LocalStack;
import io.streametl.stack.rest.ConnectorConfigFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The stock Apache Iceberg sink, shipped in our bundle, lands every record of the topic as raw
 * text beside our clean table: valid, invalid and unparseable alike.
 */
@ExtendWith(LocalStackExtension.class)
class RawLandingIT {

  private static final Pattern EVENT_ID = Pattern.compile("\"event_id\":\"([^\"]+)\"");

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
    raw = ConnectorConfigFile.load(Path.of(System.getProperty("streametl.connect.configs"))
            .resolve("subscription-events-raw-iceberg.json"))
        .withName(run.id + "-raw")
        .withOverrides(Map.of(
            "topics", run.topic,
            "iceberg.tables", rawTable,
            "iceberg.control.topic", run.id + "-raw-control",
            "iceberg.control.commit.interval-ms", "2000"));
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
    payloads.forEach(payload -> {
      Matcher m = EVENT_ID.matcher(payload);
      if (m.find()) {
        landedIds.add(m.group(1));
      }
    });
    assertThat(landedIds).containsAll(expected.validIds());
  }
}
