package io.streametl.sink.bigquery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streametl.sink.DedupAggregateSinkConnector;
import io.streametl.sink.SinkConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

/** destination=bigquery: the keys it needs, their checks, and validation without reaching BigQuery. */
class BigQueryConfigTest {

  private static Map<String, String> valid() {
    Map<String, String> props = new HashMap<>();
    props.put("name", "sink");
    props.put("destination", "bigquery");
    props.put("bigquery.project", "my-project");
    props.put("bigquery.dataset", "analytics");
    props.put("bigquery.table", "events");
    props.put("aggregations", "per_minute");
    props.put("aggregation.per_minute.window", "tumbling:1m");
    props.put("aggregation.per_minute.time-field", "event_time");
    return props;
  }

  private static List<String> errors(Config config, String field) {
    return config.configValues().stream().filter(v -> v.name().equals(field))
        .findFirst().map(ConfigValue::errorMessages).orElseThrow();
  }

  @Test
  void aValidConfigValidatesOfflineWithoutIcebergSettings() {
    Config config = new DedupAggregateSinkConnector().validate(valid());

    assertThat(config.configValues()).allMatch(v -> v.errorMessages().isEmpty(), "no errors");
    BigQuerySettings settings = new SinkConfig(valid()).bigQuery();
    assertThat(settings.eventsTable()).isEqualTo(new TableRef("my-project", "analytics", "events"));
    assertThat(settings.aggregateTables()).containsEntry("per_minute",
        new TableRef("my-project", "analytics", "events_per_minute"));
    assertThat(settings.ledgerTable().table()).isEqualTo("streametl_ledger");
  }

  @Test
  void anAggregationTableMayNameAnotherDataset() {
    Map<String, String> props = valid();
    props.put("aggregation.per_minute.table", "marts.minutes");

    assertThat(new SinkConfig(props).bigQuery().aggregateTables().get("per_minute"))
        .isEqualTo(new TableRef("my-project", "marts", "minutes"));
  }

  @Test
  void aMissingProjectIsReportedOnItsField() {
    Map<String, String> props = valid();
    props.remove("bigquery.project");

    Config config = new DedupAggregateSinkConnector().validate(props);

    assertThat(errors(config, "bigquery.project")).singleElement().asString().contains("required with destination=bigquery");
  }

  @Test
  void malformedValuesAreReportedOnTheirFields() {
    Map<String, String> props = valid();
    props.put("bigquery.table.partition-by", "WEEK(event_time)");
    props.put("bigquery.table.cluster-by", "a,b,c,d,e");
    props.put("bigquery.endpoint.grpc", "http://localhost:9060");
    props.put("bigquery.append.max-request-bytes", "20000000");

    Config config = new DedupAggregateSinkConnector().validate(props);

    assertThat(errors(config, "bigquery.table.partition-by")).singleElement().asString().contains("DAY(column)");
    assertThat(errors(config, "bigquery.table.cluster-by")).singleElement().asString().contains("four");
    assertThat(errors(config, "bigquery.endpoint.grpc")).singleElement().asString().contains("host:port");
    assertThat(errors(config, "bigquery.append.max-request-bytes")).isNotEmpty();
  }

  @Test
  void bothKindsOfKeyAreRejectedAndTheInlineKeyIsNeverShown() {
    Map<String, String> props = valid();
    props.put("bigquery.credentials.file", "/secrets/key.json");
    props.put("bigquery.credentials.json", "{\"private_key\": \"SECRET\"}");

    assertThatThrownBy(() -> new SinkConfig(props)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("not both").hasMessageNotContaining("SECRET");
    props.remove("bigquery.credentials.file");
    assertThat(new SinkConfig(props).bigQuery().toString()).doesNotContain("SECRET").contains("[hidden]");
  }

  @Test
  void routingIsRejectedWithBigQuery() {
    Map<String, String> props = valid();
    props.put("iceberg.tables.route-by", "event_type");

    Config config = new DedupAggregateSinkConnector().validate(props);

    assertThat(errors(config, "iceberg.tables.route-by")).singleElement().asString().contains("not supported");
  }

  @Test
  void theIcebergDestinationStillNeedsItsTable() {
    Map<String, String> props = new HashMap<>();
    props.put("name", "sink");
    props.put("iceberg.catalog.type", "jdbc");

    Config config = new DedupAggregateSinkConnector().validate(props);

    assertThat(errors(config, "iceberg.table")).singleElement().asString().contains("required with destination=iceberg");
  }

  @Test
  void backoffDoublesUpToTheMaximum() {
    RetryPolicy policy = new RetryPolicy(8, java.time.Duration.ofMillis(200), java.time.Duration.ofMillis(1000));

    assertThat(List.of(policy.backoff(1), policy.backoff(2), policy.backoff(3), policy.backoff(4)))
        .extracting(java.time.Duration::toMillis).containsExactly(200L, 400L, 800L, 1000L);
  }

  @Test
  void theLedgerRetentionIsZeroOrAtLeastTwoDaysAndDefaultsToThirtyDays() {
    assertThat(new SinkConfig(valid()).bigQuery().retention()).isEqualTo(java.time.Duration.ofDays(30));
    Map<String, String> off = valid();
    off.put("bigquery.ledger.retention", "0");
    assertThat(new SinkConfig(off).bigQuery().retention()).isZero();

    Map<String, String> props = valid();
    props.put("bigquery.ledger.retention", "1d");
    assertThat(errors(new DedupAggregateSinkConnector().validate(props), "bigquery.ledger.retention"))
        .anySatisfy(e -> assertThat(e).contains("at least 2d"));
  }

  @Test
  void theOffsetsRefreshMustRunOftenEnoughThatAPositionCannotExpire() {
    Map<String, String> props = valid();
    props.put("bigquery.ledger.retention", "2d");
    props.put("maintenance.offsets.refresh.interval", "13h"); // longer than (2d - 1d) / 2

    assertThatThrownBy(() -> new SinkConfig(props)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("maintenance.offsets.refresh.interval").hasMessageContaining("12h");
    props.put("maintenance.offsets.refresh.interval", "0");
    assertThatThrownBy(() -> new SinkConfig(props)).isInstanceOf(ConfigException.class);
    props.put("bigquery.ledger.retention", "0");
    assertThat(new SinkConfig(props).bigQuery().retention()).isZero();
  }
}
