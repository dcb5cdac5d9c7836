package io.streametl.sink.bigquery;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.FieldValueList;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.TopicPartition;

/**
 * The same round trip against any BigQuery (the emulator, the real service): a commit, a second
 * task resuming from the ledger, a schema change, and the rows read back through the REST API.
 */
final class BigQueryRoundTrip {

  private BigQueryRoundTrip() {}

  /** Settings for a fresh table named after a random id in the given dataset. */
  static BigQuerySettings settings(String project, String dataset, BigQuerySettings.Connection connection) {
    String table = "roundtrip_" + UUID.randomUUID().toString().substring(0, 8);
    return new BigQuerySettings(project, dataset, "US", new TableRef(project, dataset, table),
        Map.of("per_minute", new TableRef(project, dataset, table + "_per_minute")),
        new TableRef(project, dataset, "streametl_ledger"), new TableRef(project, dataset, "streametl_state"),
        true, "DAY(event_time)", List.of("region"), true, true, connection, 9 * 1024 * 1024,
        new RetryPolicy(6, Duration.ofMillis(500), Duration.ofSeconds(10)), java.time.Duration.ofDays(30));
  }

  static void run(BigQuerySettings settings) {
    TopicPartition p0 = new TopicPartition("roundtrip-" + settings.eventsTable().table(), 0);
    String connector = "roundtrip-" + settings.eventsTable().table();
    try (BigQueryDestination first = BigQueryDestination.create(settings, FakeBigQueryFixture.perMinute(), connector, 0)) {
      assertThat(first.committedOffsets(List.of(p0))).isEmpty();
      for (long offset = 0; offset < 5; offset++) {
        first.write(FakeBigQueryFixture.record(0, offset));
      }
      first.commit(Map.of(p0, 5L), Map.of(p0, "{\"max_event_time\":{}}"));
    }
    try (BigQueryDestination second = BigQueryDestination.create(settings, FakeBigQueryFixture.perMinute(), connector, 1)) {
      assertThat(second.committedOffsets(List.of(p0))).containsEntry(p0, 5L);
      second.write(FakeBigQueryFixture.record(0, 5));
      second.commit(Map.of(p0, 6L), Map.of());
    }
    BigQuery rest = BigQueryClients.rest(settings, BigQueryClients.credentials(settings.connection()));
    List<String> ids = new ArrayList<>();
    for (FieldValueList row : rest.listTableData(settings.eventsTable().id(),
        rest.getTable(settings.eventsTable().id()).getDefinition().getSchema()).iterateAll()) {
      ids.add(row.get("event_id").getStringValue());
    }
    assertThat(ids).containsExactlyInAnyOrder("e-0-0", "e-0-1", "e-0-2", "e-0-3", "e-0-4", "e-0-5");
  }
}
