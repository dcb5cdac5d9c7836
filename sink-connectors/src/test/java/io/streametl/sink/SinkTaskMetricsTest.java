package io.streametl.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.streametl.sink.iceberg.IcebergCatalogs;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.metrics.JmxReporter;
import org.apache.kafka.common.metrics.KafkaMetricsContext;
import org.apache.kafka.common.metrics.MetricConfig;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.internals.PluginMetricsImpl;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sink task's metrics as an operator reads them: registered through Connect's plugin metrics
 * implementation on a {@link Metrics} with the JMX reporter and the "kafka.connect" prefix, as the
 * worker sets them up, and read back from the platform MBean server.
 */
class SinkTaskMetricsTest {

  private static final TopicPartition P0 = new TopicPartition("events", 0);
  private static final long MINUTE = 60_000L;
  private static final long T0 = 1_763_700_000_000L - 1_763_700_000_000L % MINUTE;
  private static final MBeanServer JMX = ManagementFactory.getPlatformMBeanServer();

  @TempDir
  Path dir;
  private final MutableClock clock = new MutableClock();
  private final List<DedupAggregateSinkTask> started = new ArrayList<>();
  private Metrics metrics;
  private PluginMetricsImpl pluginMetrics;

  @BeforeEach
  void workerMetrics() {
    // What ConnectMetrics does: Metrics with a JmxReporter under the "kafka.connect" namespace,
    // and per task a PluginMetricsImpl tagged connector=<name>, task=<id>.
    metrics = new Metrics(new MetricConfig(), List.of(new JmxReporter()), Time.SYSTEM,
        new KafkaMetricsContext("kafka.connect"));
    LinkedHashMap<String, String> tags = new LinkedHashMap<>();
    tags.put("connector", "metrics-sink");
    tags.put("task", "3");
    pluginMetrics = new PluginMetricsImpl(metrics, tags);
  }

  @AfterEach
  void close() throws Exception {
    started.forEach(DedupAggregateSinkTask::stop);
    pluginMetrics.close();
    metrics.close();
  }

  private Map<String, String> props() {
    Map<String, String> props = new HashMap<>();
    props.put("name", "metrics-sink");
    props.put(SinkConfig.TABLE, "demo.events");
    props.put(SinkConfig.COMMIT_INTERVAL_MS, "1000");
    props.put(SinkConfig.DEDUP_ENABLED, "true");
    props.put(SinkConfig.DEDUP_KEY_FIELDS, "event_id");
    props.put(SinkConfig.DEDUP_TTL, "1h");
    props.put("aggregations", "by_region");
    props.put("aggregation.by_region.window", "tumbling:1m");
    props.put("aggregation.by_region.time-field", "event_time");
    props.put("aggregation.by_region.group-by", "region");
    props.put("aggregation.by_region.metrics", "count");
    props.put("aggregation.by_region.allowed-lateness", "1m");
    props.put(SinkConfig.CATALOG_PREFIX + "type", "jdbc");
    props.put(SinkConfig.CATALOG_PREFIX + "uri", "jdbc:sqlite:" + dir.resolve("catalog.db"));
    props.put(SinkConfig.CATALOG_PREFIX + "warehouse", dir.resolve("warehouse").toUri().toString());
    return props;
  }

  private DedupAggregateSinkTask start(RecordingSinkTaskContext context) {
    DedupAggregateSinkTask task = new DedupAggregateSinkTask(clock, Destinations::create);
    task.initialize(context);
    task.start(props());
    task.open(List.of(P0));
    started.add(task);
    return task;
  }

  private static SinkRecord event(long offset, String id, long eventTime) {
    Map<String, Object> value = new HashMap<>();
    value.put("event_id", id);
    value.put("region", "eu");
    value.put("amount", new BigDecimal("1.25"));
    value.put("event_time", eventTime);
    return new SinkRecord("events", 0, null, id, null, value, offset, eventTime, null);
  }

  private static long attribute(String name) throws Exception {
    ObjectName pattern = new ObjectName("kafka.connect:type=plugins,connector=metrics-sink,task=3");
    Set<ObjectName> names = JMX.queryNames(pattern, null);
    assertThat(names).as("the task's plugin metrics MBean").hasSize(1);
    return ((Number) JMX.getAttribute(names.iterator().next(), name)).longValue();
  }

  @Test
  void countsRecordsRowsInvalidDuplicatesLateEventsCommitsAndStateOverJmx() throws Exception {
    DedupAggregateSinkTask task = start(withMetrics(new RecordingSinkTaskContext(true)));
    assertThat(attribute("records-in-total")).isZero();

    task.put(List.of(
        event(0, "a", T0 + 10 * MINUTE),
        event(1, "b", T0 + 10 * MINUTE),
        event(2, "a", T0 + 10 * MINUTE),                               // duplicate of offset 0
        new SinkRecord("events", 0, null, "t", null, null, 3),          // tombstone: to the DLQ
        event(4, "c", T0)));                                            // its window closed 9m ago

    assertThat(attribute("records-in-total")).isEqualTo(5);
    assertThat(attribute("rows-written-total")).isEqualTo(3); // a, b and the late c (in the events table)
    assertThat(attribute("duplicates-dropped-total")).isEqualTo(1);
    assertThat(attribute("dead-letter-records-total")).isEqualTo(2); // the tombstone, and c (too late, policy dead-letter)
    assertThat(attribute("late-events-total")).isEqualTo(1);
    assertThat(attribute("dedup-state-keys")).isEqualTo(3);
    assertThat(attribute("commits-total")).isZero();
    assertThat(attribute("last-commit-latency-ms")).isZero();

    clock.advance(1000);
    task.put(List.of(event(5, "d", T0 + 10 * MINUTE)));

    assertThat(attribute("records-in-total")).isEqualTo(6);
    assertThat(attribute("rows-written-total")).isEqualTo(4);
    assertThat(attribute("commits-total")).isEqualTo(1);
    assertThat(attribute("last-commit-latency-ms")).isPositive(); // an Iceberg commit takes milliseconds
    assertThat(attribute("dedup-state-keys")).isEqualTo(4);
  }

  @Test
  void aRuntimeWithoutPluginMetricsRunsTheTaskWithoutThem() throws Exception {
    RecordingSinkTaskContext context = new RecordingSinkTaskContext(true);
    context.pluginMetrics = () -> {
      throw new NoSuchMethodError("SinkTaskContext.pluginMetrics()"); // a runtime older than 4.1
    };
    DedupAggregateSinkTask task = start(context);

    task.put(List.of(event(0, "a", T0)));
    clock.advance(1000);
    task.put(List.of());

    assertThat(JMX.queryNames(new ObjectName("kafka.connect:type=plugins,*"), null)).isEmpty();
  }

  private RecordingSinkTaskContext withMetrics(RecordingSinkTaskContext context) {
    context.pluginMetrics = () -> pluginMetrics;
    return context;
  }
}
