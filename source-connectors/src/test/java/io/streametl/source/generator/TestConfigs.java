package io.streametl.source.generator;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Connector configs for tests, as the REST API would pass them. */
final class TestConfigs {

  static final long START_MS = Instant.parse("2026-11-21T10:00:00Z").toEpochMilli();

  private TestConfigs() {}

  /** A connector config named "gen" writing to "events", with fixed seed and start. */
  static Map<String, String> connector() {
    Map<String, String> config = new HashMap<>();
    config.put("name", "gen");
    config.put("connector.class", EventGeneratorSourceConnector.class.getName());
    config.put(EventGeneratorConfig.TOPIC_CONFIG, "events");
    config.put(EventGeneratorConfig.RANDOM_SEED_CONFIG, "7");
    config.put(EventGeneratorConfig.EVENT_TIME_START_MS_CONFIG, Long.toString(START_MS));
    config.put(EventGeneratorConfig.EVENTS_PER_SECOND_CONFIG, "0");
    return config;
  }

  /** A connector config with all three defect kinds switched on. */
  static Map<String, String> noisyConnector() {
    Map<String, String> config = connector();
    config.put(EventGeneratorConfig.DUPLICATE_RATIO_CONFIG, "0.1");
    config.put(EventGeneratorConfig.LATE_RATIO_CONFIG, "0.1");
    config.put(EventGeneratorConfig.INVALID_RATIO_CONFIG, "0.15");
    return config;
  }
}
