package io.streametl.source.mqtt;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/**
 * What the connector tells one task on top of the connector config: its index (for its stable
 * client id) and the positions in mqtt.topic.filters of the filters it subscribes to.
 */
record TaskAssignment(int taskIndex, List<Integer> filterIndexes) {

  // Prefixed so they cannot collide with user keys or the runtime's "task.class".
  static final String INDEX_KEY = "streametl.mqtt.task.index";
  static final String FILTERS_KEY = "streametl.mqtt.task.filters";

  Map<String, String> toTaskConfig(Map<String, String> connectorConfig) {
    Map<String, String> config = new HashMap<>(connectorConfig);
    config.put(INDEX_KEY, Integer.toString(taskIndex));
    config.put(FILTERS_KEY, String.join(",", filterIndexes.stream().map(String::valueOf).toList()));
    return config;
  }

  static TaskAssignment fromTaskConfig(Map<String, String> config) {
    String index = config.get(INDEX_KEY);
    String filters = config.get(FILTERS_KEY);
    if (index == null || filters == null) {
      throw new ConfigException("The task config lacks " + INDEX_KEY + ": the task must be"
          + " started by MqttSourceConnector");
    }
    try {
      return new TaskAssignment(Integer.parseInt(index), Arrays.stream(filters.split(","))
          .map(String::trim).filter(s -> !s.isEmpty()).map(Integer::parseInt).toList());
    } catch (NumberFormatException e) {
      throw new ConfigException(INDEX_KEY + " and " + FILTERS_KEY + " must hold integers");
    }
  }
}
