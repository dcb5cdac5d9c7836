package io.streametl.source.mqtt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/**
 * Runs MQTT source tasks as a worker does, minus Kafka: the connector makes the task configs, the
 * test polls and decides which records Kafka "has" by calling commitRecord.
 */
final class TaskRunner implements AutoCloseable {

  private final Map<String, String> connectorProps;
  private final List<MqttSourceTask> started = new ArrayList<>();
  /** What the tasks' context offers as plugin metrics: none unless a test sets it. */
  org.apache.kafka.common.metrics.PluginMetrics pluginMetrics;

  TaskRunner(Map<String, String> connectorProps) {
    this.connectorProps = new HashMap<>(connectorProps);
    this.connectorProps.putIfAbsent("name", "mqtt-test");
  }

  /** The connector config of a test: broker, one filter, records as strings, then the pairs. */
  static Map<String, String> props(EmbeddedBroker broker, String... pairs) {
    Map<String, String> props = new HashMap<>();
    props.put("mqtt.server.uri", broker.uri());
    props.put("mqtt.topic.filters", "t/#");
    props.put("kafka.topic", "out");
    props.put("value.format", "string");
    props.put("poll.timeout.ms", "100");
    props.put("mqtt.reconnect.backoff.initial.ms", "100");
    props.put("mqtt.reconnect.backoff.max.ms", "500");
    for (int i = 0; i < pairs.length; i += 2) {
      props.put(pairs[i], pairs[i + 1]);
    }
    return props;
  }

  List<Map<String, String>> taskConfigs(int maxTasks) {
    MqttSourceConnector connector = new MqttSourceConnector();
    connector.start(connectorProps);
    return connector.taskConfigs(maxTasks);
  }

  MqttSourceTask start() {
    return start(taskConfigs(1).get(0));
  }

  MqttSourceTask start(Map<String, String> taskConfig) {
    MqttSourceTask task = new MqttSourceTask();
    task.initialize(context(taskConfig));
    task.start(taskConfig);
    started.add(task);
    return task;
  }

  static List<SourceRecord> poll(MqttSourceTask task) throws InterruptedException {
    List<SourceRecord> records = task.poll();
    return records == null ? List.of() : records;
  }

  /** Polls until {@code done} holds for all polled records, committing each when {@code commit}. */
  static List<SourceRecord> pollUntil(MqttSourceTask task, boolean commit,
      Predicate<List<SourceRecord>> done, int maxPolls) throws InterruptedException {
    List<SourceRecord> all = new ArrayList<>();
    for (int i = 0; i < maxPolls && !done.test(all); i++) {
      List<SourceRecord> batch = poll(task);
      if (commit) {
        batch.forEach(r -> task.commitRecord(r, null));
      }
      all.addAll(batch);
    }
    return all;
  }

  /** One poll whose records Kafka then has. */
  static List<SourceRecord> pollCommitted(MqttSourceTask task) throws InterruptedException {
    List<SourceRecord> batch = poll(task);
    batch.forEach(r -> task.commitRecord(r, null));
    return batch;
  }

  static List<SourceRecord> pollCount(MqttSourceTask task, boolean commit, int count)
      throws InterruptedException {
    return pollUntil(task, commit, all -> all.size() >= count, 300);
  }

  /** The connector's validate() errors by key (name and connector.class added). */
  static Map<String, List<String>> validationErrors(Map<String, String> props) {
    Map<String, String> all = new HashMap<>(props);
    all.putIfAbsent("name", "mqtt-test");
    all.putIfAbsent("connector.class", MqttSourceConnector.class.getName());
    Map<String, List<String>> errors = new HashMap<>();
    new MqttSourceConnector().validate(all).configValues().stream()
        .filter(v -> !v.errorMessages().isEmpty())
        .forEach(v -> errors.put(v.name(), v.errorMessages()));
    return errors;
  }

  static List<String> values(List<SourceRecord> records) {
    return records.stream().map(r -> String.valueOf(r.value())).toList();
  }

  void stop(MqttSourceTask task) {
    task.stop();
    started.remove(task);
  }

  /** Stops one task, as a worker stopping it would. */
  void close(MqttSourceTask task) {
    stop(task);
  }

  @Override
  public void close() {
    started.forEach(MqttSourceTask::stop);
    started.clear();
  }

  private SourceTaskContext context(Map<String, String> configs) {
    return new SourceTaskContext() {
      @Override
      public Map<String, String> configs() {
        return configs;
      }

      @Override
      public org.apache.kafka.common.metrics.PluginMetrics pluginMetrics() {
        return pluginMetrics;
      }

      @Override
      public OffsetStorageReader offsetStorageReader() {
        return new OffsetStorageReader() {
          @Override
          public <T> Map<String, Object> offset(Map<String, T> partition) {
            return null;
          }

          @Override
          public <T> Map<Map<String, T>, Map<String, Object>> offsets(
              java.util.Collection<Map<String, T>> partitions) {
            return Map.of();
          }
        };
      }
    };
  }
}
