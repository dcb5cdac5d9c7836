package io.streametl.source.http;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/**
 * What the connector tells one task on top of the connector config: its endpoints (no endpoint
 * goes to two tasks) and how many tasks share the connector (for the rate limit).
 */
record TaskAssignment(List<String> endpoints, int taskIndex, int taskCount) {

  // Prefixed so they cannot collide with user keys or the runtime's "task.class".
  static final String ENDPOINTS_KEY = "streametl.http.task.endpoints";
  static final String INDEX_KEY = "streametl.http.task.index";
  static final String COUNT_KEY = "streametl.http.task.count";

  Map<String, String> toTaskConfig(Map<String, String> connectorConfig) {
    Map<String, String> config = new HashMap<>(connectorConfig);
    config.put(ENDPOINTS_KEY, String.join(",", endpoints));
    config.put(INDEX_KEY, Integer.toString(taskIndex));
    config.put(COUNT_KEY, Integer.toString(taskCount));
    return config;
  }

  static TaskAssignment fromTaskConfig(Map<String, String> config) {
    String endpoints = config.get(ENDPOINTS_KEY);
    String index = config.get(INDEX_KEY);
    String count = config.get(COUNT_KEY);
    if (endpoints == null || index == null || count == null) {
      throw new ConfigException("The task config lacks " + ENDPOINTS_KEY + ": the task must be"
          + " started by HttpSourceConnector");
    }
    try {
      return new TaskAssignment(Arrays.stream(endpoints.split(",")).map(String::trim)
          .filter(s -> !s.isEmpty()).toList(), Integer.parseInt(index), Integer.parseInt(count));
    } catch (NumberFormatException e) {
      throw new ConfigException(INDEX_KEY + " and " + COUNT_KEY + " must be integers");
    }
  }
}
