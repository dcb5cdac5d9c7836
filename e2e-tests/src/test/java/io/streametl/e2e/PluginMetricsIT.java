package io.streametl.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import io.streametl.source.generator.EventKind;
import io.streametl.source.generator.GeneratedEvent;
import io.streametl.source.generator.SubscriptionEventFactory;
import io.streametl.stack.ConnectWorker;
import io.streametl.stack.LocalStack;
import io.streametl.stack.demoapi.DemoApiServer;
import io.streametl.stack.devices.DeviceSimulator;
import io.streametl.stack.devices.SimulatorSettings;
import io.streametl.stack.jmx.WorkerJmx;
import io.streametl.stack.rest.ConnectorConfigFile;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The plugins' metrics as an operator reads them: over JMX from the Connect worker that runs the
 * task, under kafka.connect:type=plugins,connector=...,task=... (Connect's plugin metrics). The
 * test attaches to the worker's JVM and starts its local management agent (the JDK's attach API),
 * as jconsole would, so the workers need no JMX port of their own.
 */
@ExtendWith(LocalStackExtension.class)
class PluginMetricsIT {

  private static final Duration COMPLETION = Duration.ofMinutes(3);

  private final LocalStack stack;
  private final String run = "metrics-" + UUID.randomUUID().toString().substring(0, 8);
  private String connector;
  private PipelineRun pipeline;
  private DemoApiServer api;

  PluginMetricsIT(LocalStack stack) {
    this.stack = stack;
  }

  @AfterEach
  void cleanUp() {
    if (connector != null) {
      stack.rest().delete(connector);
    }
    if (pipeline != null) {
      pipeline.stop();
    }
    if (api != null) {
      api.close();
    }
  }

  @Test
  void theMqttSourceCountsWhatItReceivedAcknowledgedAndRejected() throws Exception {
    connector = MqttSourceStarter.start(stack, run, 1, "", Map.of("kafka.topic", run + ".telemetry",
        "bad.payload.topic", run + ".errors")).name();
    ObjectName task = taskMBean(connector);
    String serverUri = stack.mqttBroker().orElseThrow().serverUri();
    // The probes that arrived are counted too: measure from here, once they are all settled.
    await().atMost(COMPLETION).until(() -> readLong(task, "messages-in-flight") == 0);
    long received = readLong(task, "messages-received-total");
    long acknowledged = readLong(task, "messages-acknowledged-total");
    assertThat(acknowledged).isEqualTo(received).isPositive();

    URI broker = URI.create(serverUri);
    try (DeviceSimulator simulator = new DeviceSimulator(SimulatorSettings.of(broker.getHost(),
        broker.getPort(), 10).withQos(MqttQos.AT_LEAST_ONCE).withMalformedEvery(50))) {
      simulator.publish(300);
    }

    await().atMost(COMPLETION)
        .until(() -> readLong(task, "messages-acknowledged-total") == acknowledged + 300);
    assertThat(readLong(task, "messages-received-total")).isEqualTo(received + 300);
    assertThat(readLong(task, "bad-payloads-total")).isEqualTo(6);
    assertThat(readLong(task, "messages-in-flight")).isZero();
  }

  /**
   * Identical messages (a device sending the same reading again, a broker delivering again after
   * a restart) on exactly-once workers: Connect tracks a transaction's records by equality, and
   * every message must still be acknowledged, or the task would hold them in flight for good.
   */
  @Test
  void theMqttSourceAcknowledgesIdenticalMessagesEachOnExactlyOnceWorkers() throws Exception {
    String topic = run + ".telemetry";
    connector = MqttSourceStarter.start(stack, run, 1, "", Map.of("kafka.topic", topic,
        "bad.payload.topic", run + ".errors")).name();
    ObjectName task = taskMBean(connector);
    await().atMost(COMPLETION).until(() -> readLong(task, "messages-in-flight") == 0);
    long acknowledged = readLong(task, "messages-acknowledged-total");
    String reading = "{\"message_id\":\"" + run + "-same\",\"device_id\":\"d-1\",\"temp\":21.5}";

    URI broker = URI.create(stack.mqttBroker().orElseThrow().serverUri());
    Mqtt5BlockingClient device = MqttClient.builder().useMqttVersion5()
        .identifier(run + "-device").serverHost(broker.getHost()).serverPort(broker.getPort())
        .buildBlocking();
    device.connect();
    try {
      for (int i = 0; i < 50; i++) {
        device.publishWith().topic("devices/s-1/thermo/d-1/telemetry")
            .qos(MqttQos.AT_LEAST_ONCE).payload(reading.getBytes(StandardCharsets.UTF_8)).send();
      }
    } finally {
      device.disconnect();
    }

    await().atMost(COMPLETION)
        .until(() -> readLong(task, "messages-acknowledged-total") == acknowledged + 50);
    assertThat(readLong(task, "messages-in-flight")).isZero();
    assertThat(CommittedRecords.readAll(stack.bootstrapServers(), topic).stream()
        .filter(record -> record.value().path("message_id").asText().equals(run + "-same")))
        .hasSize(50);
  }

  @Test
  void theSinkAccountsForEveryRecordAsARowADuplicateOrADeadLetter() throws Exception {
    pipeline = new PipelineRun(stack, 3_000, 3_000, 0.05);
    PipelineRun.Expected expected = pipeline.expected();
    pipeline.start();
    await().atMost(COMPLETION).pollInterval(Duration.ofSeconds(1)).until(() ->
        pipeline.tableEventIds().size() >= expected.validIds().size());

    long recordsIn = 0;
    long rows = 0;
    long deadLetters = 0;
    long duplicates = 0;
    for (int taskId = 0; taskId < 2; taskId++) {
      ObjectName task = new ObjectName("kafka.connect:type=plugins,connector="
          + pipeline.sink.name() + ",task=" + taskId);
      recordsIn += readLong(task, "records-in-total");
      rows += readLong(task, "rows-written-total");
      deadLetters += readLong(task, "dead-letter-records-total");
      duplicates += readLong(task, "duplicates-dropped-total");
    }
    // Invalid records never reach the task: the SMT chain sends them to Connect's dead-letter
    // queue. What reaches it becomes a row, is dropped as a duplicate, or is dead-lettered by the
    // sink itself (e.g. too late for an aggregation).
    assertThat(rows).isEqualTo(expected.validIds().size());
    assertThat(duplicates).as("5%% of the events are sent twice").isPositive();
    assertThat(recordsIn).isEqualTo(rows + duplicates + deadLetters);

    // The demo's live page sums the same metrics over every worker with one pattern query.
    try (WorkerJmx jmx = new WorkerJmx()) {
      Map<String, Long> sums = jmx.sum(stack.workers().stream().map(ConnectWorker::pid).toList(),
          new ObjectName("kafka.connect:type=plugins,connector=" + pipeline.sink.name()
              + ",task=*"), Set.of("rows-written-total", "duplicates-dropped-total", "no-such"));
      assertThat(sums).containsOnly(Map.entry("rows-written-total", rows),
          Map.entry("duplicates-dropped-total", duplicates));
    }
  }

  @Test
  void theGeneratorCountsWhatItGeneratedOfEachKindAndWhatKafkaHasNeverExceedsIt() throws Exception {
    long total = 3_000;
    Map<String, String> overrides = new HashMap<>();
    overrides.put("tasks.max", "1");
    overrides.put("topic", run + ".events");
    overrides.put("events.total", Long.toString(total));
    overrides.put("events.per.second", "250"); // 12 s: long enough to watch the counters grow
    ConnectorConfigFile config = ConnectorConfigFile.load(Path.of(
        System.getProperty("streametl.connect.configs")).resolve(PipelineRun.GENERATOR_FILE))
        .withName(run).withOverrides(overrides);
    connector = config.name();
    stack.rest().createOrUpdate(connector, config.config());
    stack.rest().awaitRunning(connector, 1, Duration.ofMinutes(2));
    ObjectName task = taskMBean(connector);

    await().atMost(COMPLETION).until(() -> readLong(task, "records-generated-total") > 0);
    long first = readLong(task, "records-generated-total");
    assertThat(first).as("still generating").isLessThan(total);
    assertThat(readLong(task, "schedule-lag-ms")).as("paced: a schedule to keep").isNotNegative();
    await().atMost(COMPLETION).until(() -> readLong(task, "records-generated-total") > first);
    assertThat(readDouble(task, "records-generated-rate")).isPositive();
    // What Kafka has was generated first: the counter read after the topic is never below it.
    long inTopic = committedKinds(run + ".events").values().stream().mapToLong(Long::longValue).sum();
    assertThat(readLong(task, "records-generated-total")).isGreaterThanOrEqualTo(inTopic);

    await().atMost(COMPLETION).until(() -> readLong(task, "records-generated-total") == total);
    assertThat(readDouble(task, "poll-latency-avg-ms")).isPositive();
    assertThat(readDouble(task, "poll-latency-max-ms"))
        .isGreaterThanOrEqualTo(readDouble(task, "poll-latency-avg-ms"));
    assertThat(readLong(task, "schedule-lag-ms")).as("all of events.total generated").isZero();

    // The kinds the generator's own event function puts at positions 0..total-1.
    SubscriptionEventFactory factory = SubscriptionEventFactory.fromConfig(config.config(), 0L);
    long duplicates = 0;
    long invalid = 0;
    long late = 0;
    for (long position = 0; position < total; position++) {
      GeneratedEvent event = factory.eventAt(position);
      duplicates += event.kind() == EventKind.DUPLICATE ? 1 : 0;
      invalid += event.isValid() ? 0 : 1;
      late += event.original().kind() == EventKind.LATE ? 1 : 0;
    }
    assertThat(duplicates).as("the config's shares make every kind").isPositive();
    assertThat(invalid).isPositive();
    assertThat(late).isPositive();
    assertThat(readLong(task, "duplicates-generated-total")).isEqualTo(duplicates);
    assertThat(readLong(task, "invalid-generated-total")).isEqualTo(invalid);
    assertThat(readLong(task, "late-generated-total")).isEqualTo(late);

    // Exactly-once source: once the last transaction commits, the topic holds every record once.
    await().atMost(COMPLETION).pollInterval(Duration.ofSeconds(1)).until(() ->
        committedKinds(run + ".events").values().stream().mapToLong(Long::longValue).sum() >= total);
    Map<String, Long> kinds = committedKinds(run + ".events");
    assertThat(kinds.values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(readLong(task, "records-generated-total"));
    assertThat(kinds.getOrDefault(EventKind.DUPLICATE.name(), 0L))
        .isEqualTo(readLong(task, "duplicates-generated-total"));
    assertThat(kinds.getOrDefault(EventKind.LATE.name(), 0L))
        .isLessThanOrEqualTo(readLong(task, "late-generated-total")).isPositive();
  }

  @Test
  void theHttpSourceCountsRequestsSyncsAndEveryRecordThatLanded() throws Exception {
    String token = "metrics-token";
    List<String> endpoints = List.of("orders", "customers");
    api = new DemoApiServer(token);
    api.add(300);
    Map<String, String> overrides = new HashMap<>();
    overrides.put("tasks.max", "1");
    overrides.put("base.url", api.baseUrl());
    overrides.put("endpoints", String.join(",", endpoints));
    overrides.put("topic", run + ".${endpoint}");
    overrides.put("bad.response.topic", run + ".errors");
    overrides.put("auth.bearer.token", token);
    overrides.put("pagination.size", "50");
    overrides.put("poll.interval.ms", "1000");
    ConnectorConfigFile config = ConnectorConfigFile.load(Path.of(
        System.getProperty("streametl.connect.configs")).resolve("http-api-source.json"))
        .withName(run).withOverrides(overrides);
    connector = config.name();
    stack.rest().createOrUpdate(connector, config.config());
    stack.rest().awaitRunning(connector, 1, Duration.ofMinutes(2));

    for (String endpoint : endpoints) {
      ObjectName metrics = endpointMBean(connector, endpoint);
      await().atMost(COMPLETION).until(() -> readLong(metrics, "records-total") >= 300);
      // Settle: two more syncs re-read the overlap window and must emit nothing new.
      long syncs = readLong(metrics, "syncs-total");
      await().atMost(COMPLETION).until(() -> readLong(metrics, "syncs-total") >= syncs + 2);
      assertThat(readLong(metrics, "records-total")).isEqualTo(300);
      assertThat(committedCount(run + "." + endpoint)).as(endpoint).isEqualTo(300);
      assertThat(readLong(metrics, "pages-total")).as("300 records, 50 a page").isGreaterThanOrEqualTo(6);
      assertThat(readLong(metrics, "requests-total"))
          .isGreaterThanOrEqualTo(readLong(metrics, "pages-total"));
      assertThat(readLong(metrics, "records-dropped-total")).as("re-read in the overlap window").isPositive();
      assertThat(readLong(metrics, "bad-total")).isZero();
      assertThat(readDouble(metrics, "request-latency-avg-ms")).isPositive();
      assertThat(readDouble(metrics, "request-latency-max-ms"))
          .isGreaterThanOrEqualTo(readDouble(metrics, "request-latency-avg-ms"));
      assertThat(readLong(metrics, "sync-lag-ms")).as("a sync completed").isNotNegative();
    }

    api.add(20);
    api.updateFirst(5);
    for (String endpoint : endpoints) {
      ObjectName metrics = endpointMBean(connector, endpoint);
      int expected = api.versions(endpoint).size();
      assertThat(expected).isEqualTo(325);
      await().atMost(COMPLETION).until(() -> readLong(metrics, "records-total") >= expected);
      await().atMost(COMPLETION).pollInterval(Duration.ofSeconds(1))
          .until(() -> committedCount(run + "." + endpoint) >= expected);
      assertThat(readLong(metrics, "records-total")).isEqualTo(expected);
      assertThat(committedCount(run + "." + endpoint)).isEqualTo(expected);
    }
  }

  private static ObjectName endpointMBean(String connector, String endpoint) throws Exception {
    return new ObjectName("kafka.connect:type=plugins,connector=" + connector
        + ",task=0,endpoint=" + endpoint);
  }

  private long committedCount(String topic) {
    return committedKinds(topic).values().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * The committed records of a topic (read_committed, up to the last stable offsets), counted by
   * their generator kind header ("" without one); empty before the topic exists.
   */
  private Map<String, Long> committedKinds(String topic) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
    Map<String, Long> kinds = new HashMap<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props,
        new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      if (!consumer.listTopics(Duration.ofSeconds(30)).containsKey(topic)) {
        return kinds;
      }
      Set<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30))
          .stream().map(info -> new TopicPartition(topic, info.partition()))
          .collect(Collectors.toSet());
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        assertThat(System.nanoTime()).as("read %s up to %s", topic, end).isLessThan(deadline);
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          Header kind = record.headers().lastHeader("streametl.generator.kind");
          kinds.merge(kind == null ? "" : new String(kind.value(), StandardCharsets.UTF_8), 1L,
              Long::sum);
        }
      }
    }
    return kinds;
  }

  private static ObjectName taskMBean(String connector) throws Exception {
    return new ObjectName("kafka.connect:type=plugins,connector=" + connector + ",task=0");
  }

  /** The attribute from whichever worker has the MBean (the one running the task). */
  private long readLong(ObjectName name, String attribute) throws Exception {
    Number value = read(name, attribute);
    return value == null ? -1 : value.longValue();
  }

  /** A double attribute (averages, maxima, rates: NaN without samples); NaN without the MBean. */
  private double readDouble(ObjectName name, String attribute) throws Exception {
    Number value = read(name, attribute);
    return value == null ? Double.NaN : value.doubleValue();
  }

  private Number read(ObjectName name, String attribute) throws Exception {
    for (ConnectWorker worker : stack.workers()) {
      try (JMXConnector jmx = JMXConnectorFactory.connect(new JMXServiceURL(agentUrl(worker)))) {
        MBeanServerConnection server = jmx.getMBeanServerConnection();
        if (server.isRegistered(name)) {
          return (Number) server.getAttribute(name, attribute);
        }
      }
    }
    return null;
  }

  private static final Map<Long, String> AGENTS = new HashMap<>();

  private static synchronized String agentUrl(ConnectWorker worker) throws Exception {
    String url = AGENTS.get(worker.pid());
    if (url == null) {
      url = WorkerJmx.localAgentUrl(worker.pid());
      AGENTS.put(worker.pid(), url);
    }
    return url;
  }
}
