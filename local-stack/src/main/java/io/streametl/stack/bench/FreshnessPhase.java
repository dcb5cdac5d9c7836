package io.streametl.stack.bench;

import io.streametl.stack.rest.ConnectorConfigFile;

/**
 * The freshness phase's two runs, one sink at a time, each on its own new topic and table so that
 * neither shares the 2 cores with the other.
 */
final class FreshnessPhase {

  static final String STOCK = "bench-fresh-stock-iceberg";
  static final String OURS = "bench-fresh-streametl-iceberg";

  private final BenchSettings settings;
  private final BenchTopics topics;
  private final FreshnessRun run;

  FreshnessPhase(BenchSettings settings, BenchTopics topics, FreshnessRun run) {
    this.settings = settings;
    this.topics = topics;
    this.run = run;
  }

  FreshnessResult stock(ConnectorConfigFile generatorFile, ConnectorConfigFile stockFile,
      ConnectorConfigFile oursFile) {
    String topic = STOCK + "-events";
    String table = BenchCatalog.table("fresh_stock_events");
    ConnectorConfigFile ours = SinkConfigs.ours(oursFile, OURS, topic, table, OURS + "-dlq",
        settings.tasks(), settings.commitInterval(), settings.dropTransforms());
    ConnectorConfigFile sink = SinkConfigs.stock(stockFile, ours, STOCK, topic, table,
        settings.tasks(), settings.commitInterval());
    topics.create(SinkConfigs.controlTopic(STOCK), 1);
    return measure("stock sink", sink, table, generatorFile, topic, settings.freshnessEvents());
  }

  FreshnessResult ours(ConnectorConfigFile generatorFile, ConnectorConfigFile oursFile) {
    String topic = OURS + "-events";
    String table = BenchCatalog.table("fresh_streametl_events");
    ConnectorConfigFile sink = SinkConfigs.ours(oursFile, OURS, topic, table, OURS + "-dlq",
        settings.tasks(), settings.commitInterval(), settings.dropTransforms());
    ConnectorConfigFile generator = generator(generatorFile, OURS, topic);
    return measure("our sink", sink, table, generatorFile, topic,
        ExpectedRows.distinctValid(generator.config()));
  }

  private FreshnessResult measure(String label, ConnectorConfigFile sink, String table,
      ConnectorConfigFile generatorFile, String topic, long expectedRows) {
    topics.create(topic, settings.partitions());
    return run.measure(label, sink, settings.tasks(), table,
        generator(generatorFile, sink.name(), topic), topic, settings.partitions(), expectedRows,
        TableWait.stallLimit(settings.commitInterval()),
        settings.freshnessDuration().plusMinutes(5));
  }

  private ConnectorConfigFile generator(ConnectorConfigFile generatorFile, String sinkName,
      String topic) {
    return GeneratorConfigs.live(generatorFile, sinkName + "-generator", topic,
        settings.freshnessEvents(), settings.freshnessRate(), settings.partitions());
  }
}
