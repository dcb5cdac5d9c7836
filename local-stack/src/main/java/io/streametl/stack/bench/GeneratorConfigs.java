package io.streametl.stack.bench;

import io.streametl.stack.rest.ConnectorConfigFile;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The generator's configs for the benchmark, made from connect-configs/subscription-events-
 * generator.json (its value converter and output format stay as shipped). Sinks are measured on
 * valid data: no invalid records; 5 % duplicates so dedup has work to do.
 */
final class GeneratorConfigs {

  static final String FILE = "subscription-events-generator.json";
  static final String DUPLICATE_RATIO = "0.05";

  private GeneratorConfigs() {}

  /**
   * As fast as the generator can (events.per.second=0), {@code events} in total. Position n gets
   * event time {@code eventTimeStartMs + n}; starting N ms in the past keeps every event time
   * behind its Kafka timestamp, so none is rejected as too far ahead by the sink's aggregation.
   * The late share stays as shipped (late events are valid and feed the aggregates' delta rows).
   */
  static ConnectorConfigFile fill(ConnectorConfigFile shipped, String name, String topic,
      long events, int partitions, long eventTimeStartMs) {
    Map<String, String> overrides = common(topic, events, partitions);
    overrides.put("events.per.second", "0");
    overrides.put("event.time.start.ms", Long.toString(eventTimeStartMs));
    return shipped.withName(name).withOverrides(overrides);
  }

  /**
   * At a fixed rate for the freshness phase. The event time start is left unset, so event_time
   * follows the wall clock (the task emits position n when the clock reaches its event time), and
   * there are no late events: a row's event_time stands for the time it was produced.
   */
  static ConnectorConfigFile live(ConnectorConfigFile shipped, String name, String topic,
      long events, int ratePerSecond, int partitions) {
    Map<String, String> overrides = common(topic, events, partitions);
    overrides.put("events.per.second", Integer.toString(ratePerSecond));
    overrides.put("late.ratio", "0");
    overrides.put("event.time.start.ms", null);
    return shipped.withName(name).withOverrides(overrides);
  }

  private static Map<String, String> common(String topic, long events, int partitions) {
    Map<String, String> overrides = new LinkedHashMap<>();
    overrides.put("topic", topic);
    overrides.put("tasks.max", "1");
    overrides.put("events.total", Long.toString(events));
    overrides.put("duplicate.ratio", DUPLICATE_RATIO);
    overrides.put("invalid.ratio", "0");
    overrides.put("topic.creation.default.partitions", Integer.toString(partitions));
    return overrides;
  }
}
