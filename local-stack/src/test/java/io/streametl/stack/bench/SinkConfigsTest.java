package io.streametl.stack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.streametl.stack.rest.ConnectorConfigFile;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SinkConfigsTest {

  private final ConnectorConfigFile ours = SinkConfigs.ours(
      ShippedConfigs.load(SinkConfigs.OURS_FILE), "ours", "t", "bench.ours", "ours-dlq", 3,
      Duration.ofMillis(1500), false);
  private final ConnectorConfigFile stock = SinkConfigs.stock(
      ShippedConfigs.load(SinkConfigs.STOCK_FILE), ours, "stock", "t", "bench.stock", 3,
      Duration.ofMillis(1500));

  @Test
  void oursRunsAsShippedOnTheBenchmarksTopicAndTable() {
    Map<String, String> config = ours.config();

    assertThat(ours.name()).isEqualTo("ours");
    assertThat(config)
        .containsEntry("connector.class", "io.streametl.sink.DedupAggregateSinkConnector")
        .containsEntry("topics", "t")
        .containsEntry("tasks.max", "3")
        .containsEntry("iceberg.table", "bench.ours")
        .containsEntry("errors.deadletterqueue.topic.name", "ours-dlq")
        .containsEntry("commit.interval.ms", "1500")
        .containsEntry("dedup.enabled", "true")
        .containsEntry("aggregations", "per_minute")
        .containsKey("transforms");
    assertThat(SinkConfigs.aggregateTables(ours)).containsExactly("bench.ours_per_minute");
  }

  @Test
  void droppingTheTransformsKeepsEverythingElse() {
    ConnectorConfigFile bare = SinkConfigs.ours(ShippedConfigs.load(SinkConfigs.OURS_FILE), "ours",
        "t", "bench.ours", "ours-dlq", 3, Duration.ofMillis(1500), true);

    assertThat(bare.config().keySet()).noneMatch(key -> key.startsWith("transforms"));
    assertThat(bare.config()).containsEntry("dedup.enabled", "true")
        .containsEntry("value.converter", "io.streametl.converter.StreamingJsonConverter");
  }

  @Test
  void theDiscardingSinkReadsAsOurSinkReadsAndHasNoneOfItsOwnSettings() {
    ConnectorConfigFile discarding = SinkConfigs.discarding(ours, "discard");
    Map<String, String> config = discarding.config();

    assertThat(discarding.name()).isEqualTo("discard");
    assertThat(config)
        .containsEntry("connector.class", "io.streametl.stack.bench.discard.DiscardingSinkConnector")
        .containsEntry("topics", "t")
        .containsEntry("tasks.max", "3")
        .containsEntry("errors.deadletterqueue.topic.name", "discard-dlq");
    Map<String, String> readingAndTransforms = ours.config().entrySet().stream()
        .filter(e -> e.getKey().contains("converter") || e.getKey().startsWith("consumer.override.")
            || e.getKey().startsWith("transforms") || e.getKey().equals("errors.tolerance"))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    assertThat(readingAndTransforms).isNotEmpty().containsKey("transforms.enrich.type");
    assertThat(config).containsAllEntriesOf(readingAndTransforms);
    assertThat(config.keySet()).noneMatch(key -> key.startsWith("iceberg.") || key.startsWith("dedup.")
        || key.startsWith("aggregation") || key.startsWith("commit."));
  }

  @Test
  void theStockSinkUsesTheSameConvertersConsumerSettingsCatalogTasksAndInterval() {
    Map<String, String> config = stock.config();

    assertThat(converters(config)).isEqualTo(converters(ours.config()));
    assertThat(ours.config()).containsKey("consumer.override.max.partition.fetch.bytes");
    assertThat(consumerOverrides(config)).isEqualTo(consumerOverrides(ours.config()));
    assertThat(config).containsEntry("connector.class",
            "org.apache.iceberg.connect.IcebergSinkConnector")
        .containsEntry("topics", "t")
        .containsEntry("tasks.max", "3")
        .containsEntry("iceberg.tables", "bench.stock")
        .containsEntry("iceberg.tables.auto-create-enabled", "true")
        .containsEntry("iceberg.tables.default-partition-by", "day(event_time)")
        .containsEntry("iceberg.tables.auto-create-props.format-version", "2")
        .containsEntry("iceberg.tables.auto-create-props.write.parquet.compression-codec", "zstd")
        .containsEntry("iceberg.control.topic", "stock-control")
        .containsEntry("iceberg.control.commit.interval-ms", "1500")
        .containsEntry("iceberg.catalog", ours.config().get("iceberg.catalog"))
        .containsEntry("iceberg.catalog.uri", ours.config().get("iceberg.catalog.uri"))
        .containsEntry("iceberg.kafka.bootstrap.servers", "${env:STREAMETL_BOOTSTRAP_SERVERS}");
    assertThat(config.keySet()).noneMatch(key -> key.startsWith("transforms"));
  }

  @Test
  void theStockSinkKeepsHadoopsOwnSettings() {
    assertThat(stock.config().keySet()).noneMatch(key -> key.startsWith("iceberg.hadoop."));
  }

  private static Map<String, String> consumerOverrides(Map<String, String> config) {
    return config.entrySet().stream()
        .filter(e -> e.getKey().startsWith("consumer.override."))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  private static Map<String, String> converters(Map<String, String> config) {
    return config.entrySet().stream()
        .filter(e -> e.getKey().startsWith("key.converter")
            || e.getKey().startsWith("value.converter"))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }
}
