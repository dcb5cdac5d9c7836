package io.streametl.sink;

import io.streametl.common.Version;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkConnector;
import io.streametl.sink.state.aggregate.AggregationConfig;
import io.streametl.sink.state.dedup.DedupScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sink that writes events into Apache Iceberg exactly once: every commit appends the cycle's
 * data files together with the Kafka offsets after them, so each task resumes from what the table
 * holds. Dedup and windowed aggregation run inside the tasks (see the docs).
 */
public class DedupAggregateSinkConnector extends SinkConnector {

  private static final Logger LOG = LoggerFactory.getLogger(DedupAggregateSinkConnector.class);

  public static final String OVERVIEW_DOC = "Writes records into Apache Iceberg tables (destination=iceberg) or "
      + "Google BigQuery tables (destination=bigquery) exactly once, with the Kafka offsets recorded in the "
      + "destination in the same atomic commit as the rows (for BigQuery: a commit ledger table). Each task commits "
      + "on its own; records it cannot write go to the dead-letter queue with the reason.";

  private Map<String, String> props;

  @Override
  public String version() {
    return Version.get();
  }

  @Override
  public void start(Map<String, String> props) {
    SinkConfig config = new SinkConfig(props); // fail the connector, not its tasks, on a bad config
    String topicList = props.getOrDefault("topics", "");
    List<String> topics = topicList.isBlank() ? List.of()
        : java.util.Arrays.stream(topicList.split(",")).map(String::trim).toList();
    config.dedup()
        .flatMap(dedup -> DedupScope.warning(dedup.key(), topics, props.get("topics.regex")))
        .ifPresent(warning -> LOG.warn("Dedup scope: {}", warning));
    this.props = Map.copyOf(props);
  }

  @Override
  public Class<? extends Task> taskClass() {
    return DedupAggregateSinkTask.class;
  }

  @Override
  public List<Map<String, String>> taskConfigs(int maxTasks) {
    List<Map<String, String>> configs = new ArrayList<>(maxTasks);
    for (int i = 0; i < maxTasks; i++) {
      Map<String, String> task = new HashMap<>(props);
      task.put(DedupAggregateSinkTask.TASK_ID, Integer.toString(i));
      configs.add(task);
    }
    return configs;
  }

  @Override
  public void stop() {
    // tasks hold all resources
  }

  /**
   * Refuses Connect's offsets API (PATCH/DELETE /connectors/{name}/offsets). Connect would
   * otherwise change the consumer group's offsets and report success, but the tasks resume from
   * the offsets the destination holds with the rows and ignore the group's: the reset would
   * silently do nothing.
   */
  @Override
  public boolean alterOffsets(Map<String, String> connectorConfig,
      Map<TopicPartition, Long> offsets) {
    String name = connectorConfig.getOrDefault("name", "this connector");
    throw new ConnectException("The offsets of " + name + " live in its destination tables,"
        + " committed with the rows (docs/operations.md, \"Offsets\"); the consumer group's"
        + " offsets only show lag and are not read on restart, so they are not changed. To"
        + " process a topic again from an earlier point, create the connector under a new name"
        + " (it then has no offsets in the tables and starts from consumer.override.auto.offset.reset)"
        + " or write to new tables.");
  }

  @Override
  public ConfigDef config() {
    return SinkConfig.CONFIG_DEF;
  }

  @Override
  public Config validate(Map<String, String> connectorConfigs) {
    Config result = super.validate(connectorConfigs);
    // Each aggregation's keys are named after it, so ConfigDef cannot list them up front.
    Map<String, ConfigValue> aggregationValues = AggregationConfig.validate(connectorConfigs);
    for (ConfigValue value : aggregationValues.values()) {
      if (!value.name().equals(AggregationConfig.AGGREGATIONS)) {
        result.configValues().add(value);
      }
    }
    boolean fieldErrors = result.configValues().stream().anyMatch(v -> !v.errorMessages().isEmpty());
    if (!fieldErrors) {
      try {
        new SinkConfig(connectorConfigs);
      } catch (ConfigException e) {
        // Cross-field checks: attach the message to the field it names, where the user fixes it
        // (the catalog field when it names none).
        String message = e.getMessage() == null ? "" : e.getMessage();
        result.configValues().stream()
            .filter(v -> message.contains("configuration " + v.name() + ":"))
            .findFirst()
            .or(() -> result.configValues().stream().filter(v -> v.name().equals(SinkConfig.CATALOG_NAME)).findFirst())
            .ifPresent((ConfigValue v) -> v.addErrorMessage(e.getMessage()));
      }
    }
    return result;
  }
}
