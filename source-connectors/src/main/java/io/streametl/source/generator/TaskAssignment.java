package io.streametl.source.generator;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/**
 * What the connector tells one task on top of the user's config: which stream it generates and
 * the start time to use if the stream has no stored offset yet.
 */
record TaskAssignment(GeneratorStream stream, long startMs) {

  // Prefixed so they cannot collide with user keys or the runtime's "task.class".
  static final String CONNECTOR_NAME_KEY = "streametl.generator.connector";
  static final String STREAM_KEY = "streametl.generator.stream";
  static final String STREAMS_KEY = "streametl.generator.streams";
  static final String START_MS_KEY = "streametl.generator.start.ms";

  /** The task config: the connector config plus this assignment. */
  Map<String, String> toTaskConfig(Map<String, String> connectorConfig) {
    Map<String, String> config = new HashMap<>(connectorConfig);
    config.put(CONNECTOR_NAME_KEY, stream.connectorName());
    config.put(STREAM_KEY, Integer.toString(stream.stream()));
    config.put(STREAMS_KEY, Integer.toString(stream.streams()));
    config.put(START_MS_KEY, Long.toString(startMs));
    return config;
  }

  static TaskAssignment fromTaskConfig(Map<String, String> config) {
    String name = require(config, CONNECTOR_NAME_KEY);
    int stream = (int) parse(config, STREAM_KEY);
    int streams = (int) parse(config, STREAMS_KEY);
    if (streams < 1 || stream < 0 || stream >= streams) {
      throw new ConfigException(STREAM_KEY, stream, "must be in [0, " + STREAMS_KEY + ")");
    }
    return new TaskAssignment(new GeneratorStream(name, stream, streams), parse(config, START_MS_KEY));
  }

  private static long parse(Map<String, String> config, String key) {
    String value = require(config, key);
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new ConfigException(key, value, "must be an integer");
    }
  }

  private static String require(Map<String, String> config, String key) {
    String value = config.get(key);
    if (value == null) {
      throw new ConfigException(
          "task config lacks " + key + ": the task must be started by EventGeneratorSourceConnector");
    }
    return value;
  }
}
