package io.streametl.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

class DedupAggregateSinkConnectorTest {

  @Test
  void theOffsetsApiIsRefusedWithTheReasonBecauseTheTablesHoldTheOffsets() {
    Map<String, String> config = new HashMap<>();
    config.put("name", "events-sink");
    Map<org.apache.kafka.common.TopicPartition, Long> reset = new HashMap<>();
    reset.put(new org.apache.kafka.common.TopicPartition("events", 0), 0L);

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new DedupAggregateSinkConnector().alterOffsets(config, reset))
        .isInstanceOf(org.apache.kafka.connect.errors.ConnectException.class)
        .hasMessageContaining("events-sink")
        .hasMessageContaining("destination tables")
        .hasMessageContaining("new name");
  }

  private static Map<String, String> valid() {
    Map<String, String> props = new HashMap<>();
    props.put("name", "sink");
    props.put("iceberg.table", "demo.events");
    props.put("iceberg.catalog.type", "jdbc");
    props.put("iceberg.catalog.uri", "jdbc:sqlite:/tmp/x.db");
    return props;
  }

  private static List<String> errors(Config config, String field) {
    return config.configValues().stream().filter(v -> v.name().equals(field))
        .findFirst().map(ConfigValue::errorMessages).orElseThrow();
  }

  @Test
  void aValidConfigHasNoErrors() {
    Config config = new DedupAggregateSinkConnector().validate(valid());

    assertThat(config.configValues()).allMatch(v -> v.errorMessages().isEmpty());
  }

  @Test
  void errorsAreAttachedToTheFieldToFix() {
    Map<String, String> props = valid();
    props.put("iceberg.table", "events");
    props.put("iceberg.table.partition-by", "week(event_time)");

    Config config = new DedupAggregateSinkConnector().validate(props);

    assertThat(errors(config, "iceberg.table")).singleElement().asString().contains("namespace.table");
    assertThat(errors(config, "iceberg.table.partition-by")).singleElement().asString().contains("week");
  }

  @Test
  void aMissingCatalogTypeIsReportedOnTheCatalogField() {
    Map<String, String> props = valid();
    props.remove("iceberg.catalog.type");

    Config config = new DedupAggregateSinkConnector().validate(props);

    assertThat(errors(config, "iceberg.catalog")).singleElement().asString().contains("catalog type");
  }

  @Test
  void contradictingMaintenanceSettingsAreReportedOnTheFieldToFix() {
    Map<String, String> props = valid();
    props.put("maintenance.snapshots.max-age", "6h");
    props.put("maintenance.offsets.refresh.interval", "12h");

    Config config = new DedupAggregateSinkConnector().validate(props);

    assertThat(errors(config, "maintenance.offsets.refresh.interval")).singleElement().asString()
        .contains("shorter than maintenance.snapshots.max-age");
    assertThat(errors(config, "iceberg.catalog")).isEmpty();
  }

  @Test
  void everyTaskGetsItsOwnIdForUniqueFileNames() {
    DedupAggregateSinkConnector connector = new DedupAggregateSinkConnector();
    connector.start(valid());

    assertThat(connector.taskConfigs(3)).extracting(c -> c.get(DedupAggregateSinkTask.TASK_ID))
        .containsExactly("0", "1", "2");
  }
}
