package io.streametl.stack.bench;

import io.streametl.stack.bench.discard.DiscardingSinkConnector;
import io.streametl.stack.rest.ConnectorConfigFile;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two sinks' configs, from the shipped files, made comparable: same topic, same catalog, same
 * tasks.max, same commit interval, the same converters and consumer settings (our sink's, copied
 * into the stock sink's config), Parquet with the same table properties, partitioned by
 * day(event_time).
 */
final class SinkConfigs {

  static final String OURS_FILE = "subscription-events-iceberg.json";
  static final String STOCK_FILE = "subscription-events-raw-iceberg.json";
  static final String PARTITION_BY = "day(event_time)";
  private static final String OUR_TABLE_PROPERTIES = "iceberg.table.properties.";
  private static final String STOCK_TABLE_PROPERTIES = "iceberg.tables.auto-create-props.";
  private static final String CONSUMER_OVERRIDES = "consumer.override.";

  private SinkConfigs() {}

  /** Our dedup/aggregate sink as shipped (dedup, per_minute aggregation), on the given topic. */
  static ConnectorConfigFile ours(ConnectorConfigFile shipped, String name, String topic,
      String table, String deadLetterTopic, int tasks, Duration commitInterval,
      boolean dropTransforms) {
    Map<String, String> overrides = new LinkedHashMap<>();
    overrides.put("tasks.max", Integer.toString(tasks));
    overrides.put("topics", topic);
    overrides.put("iceberg.table", table);
    overrides.put("errors.deadletterqueue.topic.name", deadLetterTopic);
    overrides.put("commit.interval.ms", Long.toString(commitInterval.toMillis()));
    ConnectorConfigFile config = shipped.withName(name).withOverrides(overrides);
    return dropTransforms ? withoutTransforms(config) : config;
  }

  /**
   * The stock Apache Iceberg sink on the same topic: the raw-landing file's catalog and Kafka
   * settings, our sink's converters and {@code consumer.override.*} settings (how it reads the
   * topic is then the same), no transforms, auto-create with our sink's table properties.
   * Hadoop's settings stay the stock sink's own: it creates local files the way Hadoop does.
   */
  static ConnectorConfigFile stock(ConnectorConfigFile shipped, ConnectorConfigFile ours,
      String name, String topic, String table, int tasks, Duration commitInterval) {
    Map<String, String> overrides = new LinkedHashMap<>();
    shipped.config().keySet().stream().filter(SinkConfigs::isReadingKey)
        .forEach(key -> overrides.put(key, null));
    ours.config().forEach((key, value) -> {
      if (isReadingKey(key)) {
        overrides.put(key, value);
      } else if (key.startsWith(OUR_TABLE_PROPERTIES)) {
        overrides.put(STOCK_TABLE_PROPERTIES + key.substring(OUR_TABLE_PROPERTIES.length()), value);
      }
    });
    overrides.put("tasks.max", Integer.toString(tasks));
    overrides.put("topics", topic);
    overrides.put("iceberg.tables", table);
    overrides.put("iceberg.tables.auto-create-enabled", "true");
    overrides.put("iceberg.tables.default-partition-by", PARTITION_BY);
    overrides.put("iceberg.control.topic", controlTopic(name));
    overrides.put("iceberg.control.commit.interval-ms", Long.toString(commitInterval.toMillis()));
    return withoutTransforms(shipped.withName(name).withOverrides(overrides));
  }

  /**
   * The discarding sink, read exactly as our sink reads: our sink's config (a round's) with its
   * Connect settings (tasks, topics, converters, consumer overrides, transforms and predicates,
   * error handling with its own dead-letter topic) and none of its own.
   */
  static ConnectorConfigFile discarding(ConnectorConfigFile ours, String name) {
    Map<String, String> overrides = new LinkedHashMap<>();
    ours.config().keySet().stream().filter(key -> !isConnectKey(key))
        .forEach(key -> overrides.put(key, null));
    overrides.put("connector.class", DiscardingSinkConnector.class.getName());
    if (ours.config().containsKey("errors.deadletterqueue.topic.name")) {
      overrides.put("errors.deadletterqueue.topic.name", name + "-dlq");
    }
    return ours.withName(name).withOverrides(overrides);
  }

  /** Our sink's aggregate tables: aggregation.NAME.table, or the events table + "_NAME". */
  static List<String> aggregateTables(ConnectorConfigFile ours) {
    String names = ours.config().getOrDefault("aggregations", "");
    String table = ours.config().get("iceberg.table");
    return Arrays.stream(names.split(",")).map(String::trim).filter(n -> !n.isEmpty())
        .map(n -> ours.config().getOrDefault("aggregation." + n + ".table", table + "_" + n))
        .toList();
  }

  static String controlTopic(String connectorName) {
    return connectorName + "-control";
  }

  static ConnectorConfigFile withoutTransforms(ConnectorConfigFile config) {
    Map<String, String> removals = new LinkedHashMap<>();
    config.config().keySet().stream()
        .filter(key -> key.equals("transforms") || key.startsWith("transforms.")
            || key.equals("predicates") || key.startsWith("predicates."))
        .forEach(key -> removals.put(key, null));
    return config.withOverrides(removals);
  }

  /** Settings Connect acts on for any sink connector, rather than the connector itself. */
  private static boolean isConnectKey(String key) {
    return isReadingKey(key) || key.equals("tasks.max") || key.equals("topics")
        || key.equals("topics.regex") || key.equals("transforms") || key.startsWith("transforms.")
        || key.equals("predicates") || key.startsWith("predicates.") || key.startsWith("errors.");
  }

  /** Settings of how a sink reads the topic: its converters and its consumer's overrides. */
  private static boolean isReadingKey(String key) {
    return key.startsWith("key.converter") || key.startsWith("value.converter")
        || key.startsWith("header.converter") || key.startsWith(CONSUMER_OVERRIDES);
  }
}
