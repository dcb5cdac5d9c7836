package io.streametl.e2e;

import io.streametl.source.generator.GeneratedEvent;
import io.streametl.source.generator.SubscriptionEvent;
import io.streametl.source.generator.SubscriptionEventFactory;
import io.streametl.stack.LocalStack;
import io.streametl.stack.rest.ConnectorConfigFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * One run of the demo pipeline (generator -> SMTs -> Iceberg sink) on the shared cluster, from
 * the files in connect-configs/, renamed so that runs do not share topics, tables or connectors.
 * It also computes what the run must produce, from the generator's own deterministic event
 * function, independently of the pipeline.
 */
final class PipelineRun {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PipelineRun.class);

  static final String GENERATOR_FILE = "subscription-events-generator.json";
  static final String SINK_FILE = "subscription-events-iceberg.json";
  static final String RAW_SINK_FILE = "subscription-events-raw-iceberg.json";
  private static final Pattern RAW_EVENT_ID = Pattern.compile("\"event_id\":\"([^\"]+)\"");
  private static final long EVENT_TIME_START = 1_763_700_000_000L; // fixed, so the events are too

  final String id;
  final String topic;
  final String deadLetterTopic;
  final String table;
  final ConnectorConfigFile generator;
  final ConnectorConfigFile sink;
  private final LocalStack stack;

  PipelineRun(LocalStack stack, long events, double eventsPerSecond) {
    this(stack, events, eventsPerSecond, 0.0);
  }

  PipelineRun(LocalStack stack, long events, double eventsPerSecond, double duplicateRatio) {
    this(stack, events, eventsPerSecond, duplicateRatio, Map.of());
  }

  /** @param sinkOverrides further sink settings; a null value removes the key */
  PipelineRun(LocalStack stack, long events, double eventsPerSecond, double duplicateRatio,
      Map<String, String> sinkOverrides) {
    this(stack, events, eventsPerSecond, duplicateRatio, sinkOverrides, Map.of());
  }

  /** @param generatorOverrides further generator settings; a null value removes the key */
  PipelineRun(LocalStack stack, long events, double eventsPerSecond, double duplicateRatio,
      Map<String, String> sinkOverrides, Map<String, String> generatorOverrides) {
    this.stack = stack;
    this.id = "run-" + UUID.randomUUID().toString().substring(0, 8);
    this.topic = id + "-events";
    this.deadLetterTopic = id + "-dlq";
    this.table = "e2e." + id.replace('-', '_');
    Path configs = Path.of(System.getProperty("streametl.connect.configs"));
    this.generator = ConnectorConfigFile.load(configs.resolve(GENERATOR_FILE)).withName(id + "-generator")
        .withOverrides(Map.of(
            "topic", topic,
            "events.total", Long.toString(events),
            "events.per.second", Double.toString(eventsPerSecond),
            "duplicate.ratio", Double.toString(duplicateRatio),
            "event.time.start.ms", Long.toString(EVENT_TIME_START),
            "random.seed", "20261121"))
        .withOverrides(generatorOverrides);
    this.sink = ConnectorConfigFile.load(configs.resolve(SINK_FILE)).withName(id + "-sink")
        .withOverrides(Map.of(
            "topics", topic,
            "errors.deadletterqueue.topic.name", deadLetterTopic,
            "iceberg.table", table,
            "commit.interval.ms", "2000"))
        .withOverrides(sinkOverrides);
  }

  void start() {
    stack.rest().createOrUpdate(sink.name(), sink.config());
    stack.rest().createOrUpdate(generator.name(), generator.config());
    stack.rest().awaitRunning(sink.name(), 2, Duration.ofMinutes(2));
    stack.rest().awaitRunning(generator.name(), 1, Duration.ofMinutes(2));
  }

  /**
   * Restarts tasks that failed while the broker was away, as an operator (or a restart policy)
   * would: POST /connectors/{name}/restart?includeTasks=true&onlyFailed=true.
   */
  void restartFailedTasks() {
    for (String name : List.of(sink.name(), generator.name())) {
      stack.rest().findStatus(name).filter(status -> status.firstFailedTask().isPresent()).ifPresent(status -> {
        LOG.warn("Restarting failed tasks of {} after the broker restart: {}", name, status.summary());
        stack.rest().restart(name);
      });
    }
  }

  void stop() {
    stack.rest().delete(generator.name());
    stack.rest().delete(sink.name());
  }

  /** What the generator emits at positions 0..events-1, computed without Kafka or Connect. */
  Expected expected() {
    Map<String, String> config = generator.config();
    SubscriptionEventFactory factory = SubscriptionEventFactory.fromConfig(config);
    long total = Long.parseLong(config.get("events.total"));
    Map<String, SubscriptionEvent> valid = new java.util.LinkedHashMap<>();
    List<String> invalid = new ArrayList<>();
    for (long position = 0; position < total; position++) {
      GeneratedEvent event = factory.eventAt(position);
      if (event.isValid()) {
        valid.putIfAbsent(event.eventId(), event.event());
      } else {
        invalid.add(event.eventId());
      }
    }
    return new Expected(new ArrayList<>(valid.keySet()), invalid, new ArrayList<>(valid.values()));
  }

  /**
   * The number of events, at most this run's, whose last one is invalid: a run of that many ends
   * with a record the sink sends to the dead-letter queue, so on a one-partition topic a complete
   * dead-letter queue means the sink has read every record.
   */
  long eventsEndingWithAnInvalidOne() {
    SubscriptionEventFactory factory = SubscriptionEventFactory.fromConfig(generator.config());
    for (long position = Long.parseLong(generator.config().get("events.total")) - 1; position >= 0; position--) {
      if (!factory.eventAt(position).isValid()) {
        return position + 1;
      }
    }
    throw new IllegalStateException("no invalid event in this run");
  }

  /**
   * @param validIds the distinct valid events: what the events table must hold
   * @param invalidIds every invalid emission (a duplicate of an invalid record is emitted again)
   * @param validEvents the distinct valid events, for the aggregates' ground truth
   */
  record Expected(List<String> validIds, List<String> invalidIds, List<SubscriptionEvent> validEvents) {}

  /** Every row of a table in the stack's catalog, all columns (empty before it exists). */
  List<Record> tableRecords(String tableName) {
    JdbcCatalog catalog = new JdbcCatalog();
    Path iceberg = stack.dataDir().resolve("iceberg");
    catalog.initialize("local", Map.of(
        "uri", "jdbc:sqlite:" + iceberg.resolve("catalog.db"),
        "warehouse", iceberg.resolve("warehouse").toUri().toString()));
    try (catalog) {
      TableIdentifier identifier = TableIdentifier.parse(tableName);
      if (!catalog.tableExists(identifier)) {
        return List.of();
      }
      List<Record> rows = new ArrayList<>();
      try (CloseableIterable<Record> all = IcebergGenerics.read(catalog.loadTable(identifier)).build()) {
        all.forEach(rows::add);
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The event_id of every row in the run's table (empty before the table exists). */
  List<String> tableEventIds() {
    return tableRows(table, "event_id");
  }

  /** One string column of every row of a table in the stack's catalog (empty before it exists). */
  List<String> tableRows(String tableName, String column) {
    JdbcCatalog catalog = new JdbcCatalog();
    Path iceberg = stack.dataDir().resolve("iceberg");
    catalog.initialize("local", Map.of(
        "uri", "jdbc:sqlite:" + iceberg.resolve("catalog.db"),
        "warehouse", iceberg.resolve("warehouse").toUri().toString()));
    try (catalog) {
      TableIdentifier identifier = TableIdentifier.parse(tableName);
      if (!catalog.tableExists(identifier)) {
        return List.of();
      }
      Table loaded = catalog.loadTable(identifier);
      List<String> ids = new ArrayList<>();
      try (CloseableIterable<Record> rows = IcebergGenerics.read(loaded).select(column).build()) {
        rows.forEach(row -> ids.add(String.valueOf(row.getField(column))));
      }
      return ids;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every record in the dead-letter topic: its key, and the error message header Connect added. */
  List<DeadLetter> deadLetters() {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
      List<TopicPartition> partitions = consumer.partitionsFor(deadLetterTopic, Duration.ofSeconds(10)).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      if (partitions.isEmpty()) {
        return List.of();
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      List<DeadLetter> result = new ArrayList<>();
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          Header reason = record.headers().lastHeader("__connect.errors.exception.message");
          result.add(new DeadLetter(
              record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
              reason == null ? null : new String(reason.value(), StandardCharsets.UTF_8)));
        }
      }
      return result;
    } catch (org.apache.kafka.common.errors.TimeoutException e) {
      return List.of(); // the topic does not exist yet
    }
  }

  record DeadLetter(String key, String reason) {}

  /**
   * The stock Iceberg sink's raw landing config ({@value #RAW_SINK_FILE}), renamed for this run:
   * every record of the run's topic as text into {@code rawTable}, committed every 2 s.
   */
  ConnectorConfigFile rawLandingSink(String rawTable) {
    return ConnectorConfigFile.load(Path.of(System.getProperty("streametl.connect.configs")).resolve(RAW_SINK_FILE))
        .withName(id + "-raw")
        .withOverrides(Map.of(
            "topics", topic,
            "iceberg.tables", rawTable,
            "iceberg.control.topic", id + "-raw-control",
            "iceberg.control.commit.interval-ms", "2000"));
  }

  /** The event id inside a raw JSON payload, if it has one. */
  static Optional<String> eventIdIn(String payload) {
    Matcher m = RAW_EVENT_ID.matcher(payload);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  static Set<String> distinct(List<String> values) {
    return new HashSet<>(values);
  }
}
