package io.streametl.source.generator;

import static io.streametl.source.generator.TestConfigs.START_MS;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.kafka.common.metrics.JmxReporter;
import org.apache.kafka.common.metrics.KafkaMetricsContext;
import org.apache.kafka.common.metrics.MetricConfig;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.internals.PluginMetricsImpl;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The generator task's metrics as an operator reads them: registered through Connect's plugin
 * metrics implementation on a {@link Metrics} with the JMX reporter and the "kafka.connect"
 * prefix, as the worker sets them up, and read back from the platform MBean server.
 */
class GeneratorMetricsTest {

  private static final MBeanServer JMX = ManagementFactory.getPlatformMBeanServer();
  private static final AtomicInteger CONNECTORS = new AtomicInteger();

  private final ManualClock clock = new ManualClock(START_MS);
  private final ClockAdvancingSleeper sleeper = new ClockAdvancingSleeper(clock);
  private final String connector = "gen-metrics-" + CONNECTORS.incrementAndGet();
  private final Metrics metrics = new Metrics(new MetricConfig(), List.of(new JmxReporter()),
      Time.SYSTEM, new KafkaMetricsContext("kafka.connect"));
  private PluginMetricsImpl pluginMetrics;

  @AfterEach
  void closeMetrics() throws Exception {
    if (pluginMetrics != null) {
      pluginMetrics.close();
    }
    metrics.close();
  }

  private EventGeneratorSourceTask start(Map<String, String> connectorConfig) {
    LinkedHashMap<String, String> tags = new LinkedHashMap<>();
    tags.put("connector", connector);
    tags.put("task", "0");
    pluginMetrics = new PluginMetricsImpl(metrics, tags);
    Map<String, String> taskConfig = new TaskAssignment(new GeneratorStream(connector, 0, 1), START_MS)
        .toTaskConfig(connectorConfig);
    EventGeneratorSourceTask task = new EventGeneratorSourceTask(clock, sleeper);
    task.initialize(TestContexts.task(taskConfig, new InMemoryOffsetStorageReader(), pluginMetrics));
    task.start(taskConfig);
    return task;
  }

  private double attribute(String name) throws Exception {
    ObjectName mbean = new ObjectName("kafka.connect:type=plugins,connector=" + connector + ",task=0");
    return ((Number) JMX.getAttribute(mbean, name)).doubleValue();
  }

  private static Map<String, String> config(long total, int batchSize, double eventsPerSecond) {
    Map<String, String> config = TestConfigs.noisyConnector();
    config.put(EventGeneratorConfig.EVENTS_TOTAL_CONFIG, Long.toString(total));
    config.put(EventGeneratorConfig.BATCH_SIZE_CONFIG, Integer.toString(batchSize));
    config.put(EventGeneratorConfig.EVENTS_PER_SECOND_CONFIG, Double.toString(eventsPerSecond));
    return config;
  }

  /** The kinds the factory generates at positions [0, end), counted as the metrics count them. */
  private static long[] expectedKinds(Map<String, String> config, long end) {
    SubscriptionEventFactory factory = SubscriptionEventFactory.fromConfig(config);
    long[] kinds = new long[3];
    for (long p = 0; p < end; p++) {
      GeneratedEvent event = factory.eventAt(p);
      kinds[0] += event.kind() == EventKind.DUPLICATE ? 1 : 0;
      kinds[1] += event.isValid() ? 0 : 1;
      kinds[2] += event.original().kind() == EventKind.LATE ? 1 : 0;
    }
    return kinds;
  }

  private void assertKindsCounted(Map<String, String> config, long generated) throws Exception {
    long[] kinds = expectedKinds(config, generated);
    assertThat(attribute(GeneratorMetrics.RECORDS)).isEqualTo(generated);
    assertThat(attribute(GeneratorMetrics.DUPLICATES)).isEqualTo(kinds[0]);
    assertThat(attribute(GeneratorMetrics.INVALID)).isEqualTo(kinds[1]);
    assertThat(attribute(GeneratorMetrics.LATE)).isEqualTo(kinds[2]);
  }

  @Test
  void countsTheRecordsOfEachKindAsTheyAreGeneratedAndTimesThePolls() throws Exception {
    Map<String, String> config = config(300, 100, 0);
    EventGeneratorSourceTask task = start(config);
    assertThat(attribute(GeneratorMetrics.RECORDS)).isZero();
    assertThat(attribute(GeneratorMetrics.POLL_LATENCY_MAX)).isNaN();
    assertThat(attribute(GeneratorMetrics.SCHEDULE_LAG)).as("no schedule at rate 0").isEqualTo(-1);

    assertThat(task.poll()).hasSize(100);
    assertKindsCounted(config, 100);
    assertThat(attribute(GeneratorMetrics.POLL_LATENCY_MAX)).isPositive();
    assertThat(attribute(GeneratorMetrics.POLL_LATENCY_AVG)).isPositive()
        .isLessThanOrEqualTo(attribute(GeneratorMetrics.POLL_LATENCY_MAX));

    List<SourceRecord> rest = new ArrayList<>();
    for (List<SourceRecord> batch = task.poll(); batch != null; batch = task.poll()) {
      rest.addAll(batch);
    }
    assertThat(rest).hasSize(200);
    assertKindsCounted(config, 300);
    long[] kinds = expectedKinds(config, 300);
    assertThat(kinds).as("the noisy config generates every kind").doesNotContain(0L);
    assertThat(attribute(GeneratorMetrics.RECORDS_RATE)).isPositive();
    // Done: the idle polls that follow generate nothing and count nothing.
    task.poll();
    assertThat(attribute(GeneratorMetrics.RECORDS)).isEqualTo(300);
    task.stop();
  }

  @Test
  void scheduleLagShowsHowFarTheStreamIsBehindItsRate() throws Exception {
    // 100 events per second: position n is due n * 10 ms after the start.
    EventGeneratorSourceTask task = start(config(1_002, 500, 100));
    assertThat(attribute(GeneratorMetrics.SCHEDULE_LAG)).isZero();

    clock.advance(10_000); // the worker did not poll for 10 s: positions 0..1000 are due
    assertThat(attribute(GeneratorMetrics.SCHEDULE_LAG)).isEqualTo(10_000);
    assertThat(task.poll()).hasSize(500);
    assertThat(attribute(GeneratorMetrics.SCHEDULE_LAG)).as("position 500 was due at 5 s").isEqualTo(5_000);
    assertThat(task.poll()).hasSize(500);
    assertThat(attribute(GeneratorMetrics.SCHEDULE_LAG)).isZero();
    assertThat(task.poll()).hasSize(1);
    assertThat(attribute(GeneratorMetrics.SCHEDULE_LAG)).as("ahead: position 1001 is due in 10 ms").isZero();

    clock.advance(3_000);
    assertThat(attribute(GeneratorMetrics.SCHEDULE_LAG)).isEqualTo(2_990);
    assertThat(task.poll()).hasSize(1);
    clock.advance(5_000);
    assertThat(attribute(GeneratorMetrics.SCHEDULE_LAG)).as("all of events.total generated").isZero();
    assertThat(attribute(GeneratorMetrics.RECORDS)).isEqualTo(1_002);
    task.stop();
  }

  @Test
  void aContextWithoutPluginMetricsGeneratesAllTheSame() throws Exception {
    Map<String, String> config = config(50, 100, 0);
    Map<String, String> taskConfig = new TaskAssignment(new GeneratorStream(connector, 0, 1), START_MS)
        .toTaskConfig(config);
    EventGeneratorSourceTask task = new EventGeneratorSourceTask(clock, sleeper);
    task.initialize(TestContexts.task(taskConfig, new InMemoryOffsetStorageReader()));
    task.start(taskConfig);

    assertThat(task.poll()).hasSize(50);
    task.stop();
  }
}
