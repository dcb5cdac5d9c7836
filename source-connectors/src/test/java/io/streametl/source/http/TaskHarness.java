package io.streametl.source.http;

import io.streametl.source.http.client.JdkTransport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.common.metrics.internals.PluginMetricsImpl;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/**
 * Runs HTTP source tasks the way a worker does, with a manual clock (waits return at once and move
 * it) and an in-memory offset store, against a real HTTP server.
 */
final class TaskHarness implements AutoCloseable {

  static final long START_MS = 1_800_000_000_000L;
  /** Where the tasks' plugin metrics go (one registry for the test JVM, tagged by task). */
  static final Metrics METRICS = new Metrics();

  final ManualClock clock = new ManualClock(START_MS);
  final ClockAdvancingSleeper sleeper = new ClockAdvancingSleeper(clock);
  final InMemoryOffsets offsets;
  private final List<HttpSourceTask> started = new ArrayList<>();
  private final Map<String, String> connectorProps;

  /**
   * A connector config with one endpoint, "items", paged by page number over the fake API's
   * /items/page (10 per page, up to 100 pages per poll), then a test class's defaults, then a
   * test's own key/value pairs.
   */
  static Map<String, String> pageNumberEndpoint(io.streametl.source.http.fakeapi.FakeApiServer api,
      Map<String, String> defaults, String... settings) {
    Map<String, String> props = new HashMap<>();
    props.put("endpoints", "items");
    props.put("endpoint.items.url", api.url("/items/page"));
    props.put("pagination.mode", "page_number");
    props.put("pagination.size.param", "per_page");
    props.put("pagination.size", "10");
    props.put("pagination.max.pages.per.poll", "100");
    props.putAll(defaults);
    for (int i = 0; i < settings.length; i += 2) {
      props.put(settings[i], settings[i + 1]);
    }
    return props;
  }

  TaskHarness(Map<String, String> connectorProps) {
    this(connectorProps, new InMemoryOffsets());
  }

  /** A harness over offsets an earlier (crashed) worker stored. */
  TaskHarness(Map<String, String> connectorProps, InMemoryOffsets offsets) {
    this.offsets = offsets;
    this.connectorProps = new HashMap<>(connectorProps);
    this.connectorProps.putIfAbsent("name", "http-test");
  }

  /** The task configs the connector would create for {@code maxTasks}. */
  List<Map<String, String>> taskConfigs(int maxTasks) {
    HttpSourceConnector connector = new HttpSourceConnector();
    connector.start(connectorProps);
    return connector.taskConfigs(maxTasks);
  }

  /** Starts the single task of a one-task connector, resuming from the stored offsets. */
  HttpSourceTask start() {
    return start(taskConfigs(1).get(0));
  }

  HttpSourceTask start(Map<String, String> taskConfig) {
    return start(taskConfig, null);
  }

  /**
   * Starts a task whose plugin metrics are {@code metrics}; if null, a new {@link
   * PluginMetricsImpl} on {@link #METRICS} tagged with the task index only.
   */
  HttpSourceTask start(Map<String, String> taskConfig, PluginMetrics metrics) {
    HttpSourceTask task = new HttpSourceTask(clock, sleeper, JdkTransport::new);
    task.initialize(context(taskConfig, offsets, metrics));
    task.start(taskConfig);
    started.add(task);
    return task;
  }

  /** One poll, never null. */
  static List<SourceRecord> poll(HttpSourceTask task) throws InterruptedException {
    List<SourceRecord> records = task.poll();
    return records == null ? List.of() : records;
  }

  /**
   * Polls until {@code done} holds for everything polled so far, committing each poll's offsets
   * (as exactly-once delivery does: whole polls), at most {@code maxPolls} times.
   */
  List<SourceRecord> pollUntil(HttpSourceTask task, Predicate<List<SourceRecord>> done, int maxPolls)
      throws InterruptedException {
    List<SourceRecord> all = new ArrayList<>();
    for (int i = 0; i < maxPolls && !done.test(all); i++) {
      List<SourceRecord> batch = poll(task);
      offsets.commit(batch);
      all.addAll(batch);
    }
    return all;
  }

  /** Polls exactly {@code polls} times, committing each. */
  List<SourceRecord> pollTimes(HttpSourceTask task, int polls) throws InterruptedException {
    List<SourceRecord> all = new ArrayList<>();
    for (int i = 0; i < polls; i++) {
      List<SourceRecord> batch = poll(task);
      offsets.commit(batch);
      all.addAll(batch);
    }
    return all;
  }

  @Override
  public void close() {
    started.forEach(HttpSourceTask::stop);
  }

  static SourceTaskContext context(Map<String, String> configs, OffsetStorageReader reader) {
    return context(configs, reader, null);
  }

  static SourceTaskContext context(Map<String, String> configs, OffsetStorageReader reader,
      PluginMetrics metrics) {
    return new SourceTaskContext() {
      @Override
      public Map<String, String> configs() {
        return configs;
      }

      @Override
      public OffsetStorageReader offsetStorageReader() {
        return reader;
      }

      @Override
      public PluginMetrics pluginMetrics() {
        if (metrics != null) {
          return metrics;
        }
        return new PluginMetricsImpl(METRICS, Map.of("task", configs.getOrDefault(
            TaskAssignment.INDEX_KEY, "0")));
      }
    };
  }
}
