package io.streametl.source.mqtt;

import io.streametl.common.Version;
import io.streametl.source.mqtt.client.BrokerProbe;
import io.streametl.common.config.ConfigProblem;
import io.streametl.source.mqtt.config.MqttSourceConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;
import org.apache.kafka.connect.util.ConnectorUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Brings device messages from an MQTT broker into Kafka. See {@link #OVERVIEW_DOC}. */
public final class MqttSourceConnector extends SourceConnector implements Versioned {

  public static final String OVERVIEW_DOC =
      "Subscribes to MQTT topic filters (MQTT 5 or 3.1.1, QoS 0, 1 or 2) and writes each message"
          + " to Kafka. Each task keeps a persistent session under a stable client id and"
          + " acknowledges a message only once Kafka has its record, so restarts, crashes and"
          + " broker restarts lose no QoS 1 or 2 message (duplicates are possible after a crash:"
          + " at least once). mqtt.max.inflight bounds the messages a task holds, so a slow Kafka"
          + " pushes back on the broker. Tasks share the load through a shared subscription"
          + " group, or split the filters. Kafka topic, record key and added fields are"
          + " templates over the topic's levels; payloads become Structs, Maps, strings or bytes;"
          + " MQTT 5 user properties and content type become headers. Messages that cannot become"
          + " records fail the task or go to an error topic with the reason.";

  public static final ConfigDef CONFIG_DEF = MqttSourceConfig.CONFIG_DEF;

  private static final Logger log = LoggerFactory.getLogger(MqttSourceConnector.class);

  private Map<String, String> connectorConfig;
  private MqttSourceConfig config;

  @Override
  public String version() {
    return Version.get();
  }

  @Override
  public ConfigDef config() {
    return CONFIG_DEF;
  }

  @Override
  public Class<? extends Task> taskClass() {
    return MqttSourceTask.class;
  }

  @Override
  public void start(Map<String, String> props) {
    config = new MqttSourceConfig(props);
    connectorConfig = Map.copyOf(props);
  }

  /**
   * With a shared group, tasks.max tasks each subscribe to every filter and the broker spreads
   * the messages; without, each filter goes to exactly one of min(tasks.max, filters) tasks.
   */
  @Override
  public List<Map<String, String>> taskConfigs(int maxTasks) {
    int filters = config.topicFilters().size();
    List<Integer> all = IntStream.range(0, filters).boxed().toList();
    List<Map<String, String>> configs = new ArrayList<>();
    if (!config.sharedGroup().isEmpty()) {
      for (int i = 0; i < maxTasks; i++) {
        configs.add(new TaskAssignment(i, all).toTaskConfig(connectorConfig));
      }
      return configs;
    }
    int tasks = Math.min(maxTasks, filters);
    List<List<Integer>> groups = ConnectorUtils.groupPartitions(all, tasks);
    for (int i = 0; i < groups.size(); i++) {
      configs.add(new TaskAssignment(i, groups.get(i)).toTaskConfig(connectorConfig));
    }
    if (maxTasks > filters) {
      log.info("MQTT source has {} topic filter(s) and no mqtt.shared.group, so it runs {}"
          + " task(s), not tasks.max={}", filters, tasks, maxTasks);
    }
    return configs;
  }

  @Override
  public void stop() {
    // Nothing to release: the tasks hold the connections.
  }

  /**
   * ConfigDef's checks, then every cross-setting problem at its key, then (only when all of that
   * passed) a connect attempt, reported at mqtt.server.uri.
   */
  @Override
  public Config validate(Map<String, String> props) {
    Config result = super.validate(props);
    if (!ConfigProblem.noErrors(result)) {
      return result;
    }
    List<ConfigProblem> problems = new ArrayList<>(MqttSourceConfig.check(props));
    if (problems.isEmpty()) {
      BrokerProbe.problem(props).ifPresent(problems::add);
    }
    return ConfigProblem.attachAll(result, props, problems);
  }

  /**
   * MQTT cannot replay from an offset, so a transaction cannot be re-read after an abort: the
   * connector does not claim exactly-once. It runs on workers with exactly-once source support
   * all the same, and there acknowledges each message only after its transaction commits, so
   * nothing is lost; duplicates remain possible after a crash.
   */
  @Override
  public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
    return ExactlyOnceSupport.UNSUPPORTED;
  }
}
