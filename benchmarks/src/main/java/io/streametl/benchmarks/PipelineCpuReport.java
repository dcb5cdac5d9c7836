package io.streametl.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streametl.sink.DedupAggregateSinkTask;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTaskContext;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.storage.ConverterConfig;
import org.apache.kafka.connect.storage.ConverterType;
import org.apache.kafka.connect.storage.HeaderConverter;
import org.apache.kafka.connect.storage.SimpleHeaderConverter;
import org.apache.kafka.connect.transforms.Transformation;

/**
 * Not a benchmark of JMH's kind: the CPU that one task thread spends per record on everything a
 * Connect worker does with a record of our sink, except fetching it. It reads the shipped
 * {@code connect-configs/subscription-events-iceberg.json} and runs, per record, its key, value and
 * header converters on the bytes the generator's records have in the topic, its SMT chain, and then the
 * task's {@code put} in batches of 500, with commits every second into real Iceberg tables in a
 * temporary directory. The thread's CPU time, and the whole process's (GC and JIT included), are
 * printed per pass with the bytes the task thread allocated per record (which varies far less than
 * CPU time from run to run); the first passes warm the JIT. Run:
 *
 * <pre>
 * ./mvnw -o -q -B -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar io.streametl.benchmarks.PipelineCpuReport 200000 6
 * </pre>
 *
 * <p>Arguments: records per pass (default 200000), passes (default 6), and the connector config
 * (default connect-configs/subscription-events-iceberg.json). Used for A/B comparisons of the
 * per-record path (docs/benchmarks/sink.md), where the worker benchmark's spread hides changes of a
 * few percent.
 */
public final class PipelineCpuReport {

  private static final int BATCH = 500; // Connect's default max.poll.records
  private static final String TOPIC = "subscription-events";
  /** The one header the generator gives every record (EventGeneratorSourceTask.KIND_HEADER). */
  private static final byte[] KIND_HEADER_BYTES = "streametl.generator.kind".getBytes(StandardCharsets.UTF_8);
  /** Its value as the generator's producer writes it (Connect's default SimpleHeaderConverter, a string). */
  private static final byte[] KIND_VALUE = "VALID".getBytes(StandardCharsets.UTF_8);

  private PipelineCpuReport() {}

  public static void main(String[] args) throws Exception {
    int records = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    int passes = args.length > 1 ? Integer.parseInt(args[1]) : 6;
    Path configFile = Path.of(args.length > 2 ? args[2] : "connect-configs/subscription-events-iceberg.json");
    Map<String, String> config = connectorConfig(configFile);
    Topic topic = topic(records, config);
    List<byte[]> values = topic.values();
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    com.sun.management.OperatingSystemMXBean process =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    for (int pass = 1; pass <= passes; pass++) {
      Path dir = Files.createTempDirectory("pipeline-cpu-report");
      Converter keyConverter = converter(config, "key.converter", true);
      Converter valueConverter = converter(config, "value.converter", false);
      HeaderConverter headerConverter = headerConverter(config);
      Chains transforms = transforms(config);
      DedupAggregateSinkTask task = new DedupAggregateSinkTask();
      CountingContext context = new CountingContext();
      task.initialize(context);
      task.start(taskProps(config, dir));
      TopicPartition tp = new TopicPartition(TOPIC, 0);
      task.open(List.of(tp));
      long cpu = threads.getCurrentThreadCpuTime();
      long allocated = threads.getCurrentThreadAllocatedBytes();
      long processCpu = process.getProcessCpuTime();
      long wall = System.nanoTime();
      List<SinkRecord> batch = new ArrayList<>(BATCH);
      for (int offset = 0; offset < values.size(); offset++) {
        SchemaAndValue key = keyConverter.toConnectData(TOPIC, topic.keys().get(offset));
        SchemaAndValue value = valueConverter.toConnectData(TOPIC, values.get(offset));
        SinkRecord record = new SinkRecord(TOPIC, 0, key.schema(), key.value(), value.schema(), value.value(),
            offset, 1_763_700_000_000L + offset * 5L, TimestampType.CREATE_TIME, headers(headerConverter));
        record = transforms.apply(record);
        if (record != null) {
          batch.add(record);
        }
        if (batch.size() == BATCH || offset == values.size() - 1) {
          task.put(batch);
          batch = new ArrayList<>(BATCH);
        }
      }
      task.preCommit(Map.of(tp, new OffsetAndMetadata(values.size())));
      cpu = threads.getCurrentThreadCpuTime() - cpu;
      allocated = threads.getCurrentThreadAllocatedBytes() - allocated;
      processCpu = process.getProcessCpuTime() - processCpu;
      wall = System.nanoTime() - wall;
      task.close(List.of(tp));
      task.stop();
      transforms.close();
      System.out.printf("pass %d: %,d records, task thread CPU %.2f µs/record, process CPU (with GC, JIT and "
          + "the commit thread) %.2f µs/record, wall %.2f µs/record, task thread allocated %,d B/record, %,d errant%n",
          pass, records, cpu / 1000.0 / records, processCpu / 1000.0 / records, wall / 1000.0 / records,
          allocated / records, context.errant.get());
    }
    System.exit(0); // the JDBC catalog's pool threads
  }

  private static Map<String, String> connectorConfig(Path file) throws IOException {
    JsonNode root = new ObjectMapper().readTree(file.toFile());
    Map<String, String> config = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.get("config").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      config.put(entry.getKey(), entry.getValue().asText());
    }
    return config;
  }

  private static Map<String, String> taskProps(Map<String, String> config, Path dir) {
    Map<String, String> props = new HashMap<>(config);
    props.put("name", "pipeline-cpu-report"); // Connect adds the connector's name to its tasks' configs
    props.put("iceberg.catalog.uri", "jdbc:sqlite:" + dir.resolve("catalog.db"));
    props.put("iceberg.catalog.warehouse", dir.resolve("warehouse").toUri().toString());
    props.put("commit.interval.ms", "1000"); // as the worker benchmark runs both sinks
    props.put("maintenance.enabled", "false");
    return props;
  }

  private static Converter converter(Map<String, String> config, String prefix, boolean isKey) throws Exception {
    Converter converter = (Converter) Class.forName(config.get(prefix)).getDeclaredConstructor().newInstance();
    converter.configure(prefixed(config, prefix + "."), isKey);
    return converter;
  }

  /** The config's header converter, or Connect's default when it names none, configured as a worker does. */
  private static HeaderConverter headerConverter(Map<String, String> config) throws Exception {
    String type = config.get("header.converter");
    HeaderConverter converter = type == null ? new SimpleHeaderConverter()
        : (HeaderConverter) Class.forName(type).getDeclaredConstructor().newInstance();
    Map<String, String> settings = prefixed(config, "header.converter.");
    settings.put(ConverterConfig.TYPE_CONFIG, ConverterType.HEADER.getName()); // as the worker adds it
    converter.configure(settings);
    return converter;
  }

  /**
   * The record's headers as WorkerSinkTask converts them: the key decoded from the record's bytes,
   * the value through the header converter.
   */
  private static ConnectHeaders headers(HeaderConverter converter) {
    ConnectHeaders headers = new ConnectHeaders();
    String key = new String(KIND_HEADER_BYTES, StandardCharsets.UTF_8);
    headers.add(key, converter.toConnectHeader(TOPIC, key, KIND_VALUE));
    return headers;
  }

  /** The config's SMT chain (predicates are not read: the shipped sink configs have none). */
  @SuppressWarnings("unchecked")
  private static Chains transforms(Map<String, String> config) throws Exception {
    Chains transforms = new Chains();
    for (String alias : config.getOrDefault("transforms", "").split(",")) {
      if (alias.isBlank()) {
        continue;
      }
      String prefix = "transforms." + alias.trim() + ".";
      Transformation<SinkRecord> transform = (Transformation<SinkRecord>)
          Class.forName(config.get(prefix + "type")).getDeclaredConstructor().newInstance();
      transforms.add(transform, prefixed(config, prefix));
    }
    return transforms;
  }

  private static Map<String, String> prefixed(Map<String, String> config, String prefix) {
    Map<String, String> result = new HashMap<>();
    config.forEach((key, value) -> {
      if (key.startsWith(prefix)) {
        result.put(key.substring(prefix.length()), value);
      }
    });
    return result;
  }

  /** The records' keys and values as the topic holds them. */
  private record Topic(List<byte[]> keys, List<byte[]> values) {}

  /**
   * Generator-like events, keyed by event id as the generator keys them, and written as Connect's
   * JsonConverter writes them with the config's value converter settings.
   */
  private static Topic topic(int count, Map<String, String> config) {
    JsonConverter json = new JsonConverter();
    json.configure(prefixed(config, "value.converter."), false);
    List<byte[]> keys = new ArrayList<>(count);
    List<byte[]> values = new ArrayList<>(count);
    for (Struct event : GeneratorEvents.events(count)) {
      keys.add(event.getString("event_id").getBytes(StandardCharsets.UTF_8));
      values.add(json.fromConnectData(TOPIC, GeneratorEvents.VALUE, event));
    }
    return new Topic(keys, values);
  }

  /** A context whose reporter counts errant records, as the worker's dead-letter queue would take them. */
  private static final class CountingContext implements SinkTaskContext {

    final AtomicLong errant = new AtomicLong();

    @Override
    public Map<String, String> configs() {
      return Map.of();
    }

    @Override
    public void offset(Map<TopicPartition, Long> offsets) {}

    @Override
    public void offset(TopicPartition tp, long offset) {}

    @Override
    public void timeout(long timeoutMs) {}

    @Override
    public Set<TopicPartition> assignment() {
      return Set.of(new TopicPartition(TOPIC, 0));
    }

    @Override
    public void pause(TopicPartition... partitions) {}

    @Override
    public void resume(TopicPartition... partitions) {}

    @Override
    public void requestCommit() {}

    @Override
    public PluginMetrics pluginMetrics() {
      return null; // the task's metrics are optional
    }

    @Override
    public ErrantRecordReporter errantRecordReporter() {
      return (record, error) -> {
        errant.incrementAndGet();
        return CompletableFuture.completedFuture(null);
      };
    }
  }
}
