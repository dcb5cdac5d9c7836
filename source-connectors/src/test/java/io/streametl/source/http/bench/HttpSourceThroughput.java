package io.streametl.source.http.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streametl.source.http.HttpSourceConnector;
import io.streametl.source.http.HttpSourceTask;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.storage.StringConverter;

/**
 * Records per second from a local API, side by side in one run with a bare fetch loop over the
 * same pages (JDK client + Jackson, nothing else: the limit). The connector side runs the real
 * tasks (as the connector assigns them) and converts every record with the worker's converters
 * (StringConverter keys, JsonConverter values with schemas); with {@code --bootstrap host:port}
 * both sides also produce every record to Kafka, as a worker's producer would.
 *
 * <pre>
 * java -cp ... io.streametl.source.http.bench.HttpSourceThroughput [--records 200000]
 *     [--page-size 500] [--rounds 3] [--bootstrap localhost:9092]
 * </pre>
 *
 * Not a test: run on demand (see docs/benchmarks/http-source.md); it prints figures and asserts
 * nothing.
 */
public final class HttpSourceThroughput {

  private final StaticPagesServer api;
  private final int records;
  private final String bootstrap;
  private final String runId = Long.toString(System.nanoTime(), 36);
  private static volatile long serialisedBytes;

  private HttpSourceThroughput(StaticPagesServer api, int records, String bootstrap) {
    this.api = api;
    this.records = records;
    this.bootstrap = bootstrap;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    int records = Integer.parseInt(options.getOrDefault("records", "200000"));
    int pageSize = Integer.parseInt(options.getOrDefault("page-size", "500"));
    int rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
    String bootstrap = options.get("bootstrap");
    long latency = Long.parseLong(options.getOrDefault("latency-ms", "0"));
    try (StaticPagesServer api = new StaticPagesServer(records, pageSize, latency)) {
      System.out.printf(Locale.ROOT, "API: %d records per endpoint, %d pages of %d, %.1f MiB per"
              + " endpoint, %d ms per page; Java %s, %d CPUs%s%n", records, api.pages(), pageSize,
          api.bytes() / 1048576.0, latency, System.getProperty("java.version"),
          Runtime.getRuntime().availableProcessors(), bootstrap == null ? "" : "; Kafka " + bootstrap);
      System.out.println("Each cell: records/s by the wall clock, then records per CPU-second of"
          + " this process (API server and client; not the broker), then the ratio to the bare loop"
          + " by the wall clock.");
      HttpSourceThroughput bench = new HttpSourceThroughput(api, records, bootstrap);
      System.out.println("round | tasks x endpoints | bare loop | connector, json (ByteArrayConverter)"
          + " | connector, map (JsonConverter) | connector, struct (JsonConverter with schemas)");
      String only = options.getOrDefault("only", ""); // bare, json, map or struct: to profile one
      List<String> sides = List.of("bare", "json", "map", "struct");
      Map<String, List<Rate>> measured = new java.util.TreeMap<>();
      for (int r = 0; r <= rounds; r++) {
        int round = r;
        for (int[] shape : new int[][] {{1, 1}, {2, 4}}) {
          Map<String, Rate> rates = new HashMap<>();
          for (String side : sides) {
            boolean run = only.isEmpty() || only.equals(side);
            rates.put(side, !run ? Rate.NONE : side.equals("bare")
                ? bench.measure(() -> bench.bareLoop(shape[0], shape[1], round))
                : bench.measure(() -> bench.connector(shape[0], shape[1], round, side)));
            if (round > 0) {
              measured.computeIfAbsent(shape[0] + " x " + shape[1] + " " + side,
                  k -> new ArrayList<>()).add(rates.get(side));
            }
          }
          System.out.println(line(round == 0 ? "warm-up" : "round " + round, shape, sides, rates));
        }
      }
      System.out.println("Medians of the rounds:");
      for (int[] shape : new int[][] {{1, 1}, {2, 4}}) {
        Map<String, Rate> medians = new HashMap<>();
        for (String side : sides) {
          List<Rate> all = measured.getOrDefault(shape[0] + " x " + shape[1] + " " + side, List.of());
          medians.put(side, all.isEmpty() ? Rate.NONE : new Rate(
              median(all.stream().mapToDouble(Rate::perSecond).toArray()),
              median(all.stream().mapToDouble(Rate::perCpuSecond).toArray())));
        }
        System.out.println(line("median", shape, sides, medians));
      }
    }
  }

  private static String line(String label, int[] shape, List<String> sides, Map<String, Rate> rates) {
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s | %d x %d", label,
        shape[0], shape[1]));
    for (String side : sides) {
      line.append(" | ").append(rates.get(side).cell(rates.get("bare")));
    }
    return line.toString();
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** Records per second by the wall clock and per CPU-second of this process. */
  private record Rate(double perSecond, double perCpuSecond) {
    static final Rate NONE = new Rate(0, 0);

    String cell(Rate bare) {
      String ratio = bare.perSecond == 0 || this == bare ? ""
          : String.format(Locale.ROOT, " (%.2fx)", perSecond / bare.perSecond);
      return String.format(Locale.ROOT, "%,.0f /s, %,.0f /CPU-s%s", perSecond, perCpuSecond, ratio);
    }
  }

  private interface Measured {
    long run() throws Exception;
  }

  private Rate measure(Measured work) throws Exception {
    com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long cpu = os.getProcessCpuTime();
    long start = System.nanoTime();
    long count = work.run();
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (os.getProcessCpuTime() - cpu) / 1e9;
    return new Rate(count / seconds, count / cpuSeconds);
  }

  /**
   * The limit: fetch every page of each endpoint, parse it, and turn each record into the bytes
   * a producer sends (its JSON, its id as the key), in {@code threads} threads.
   */
  private long bareLoop(int threads, int endpoints, int round) throws Exception {
    return timed(threads, endpoints, round, "bare", (endpoint, producer) -> {
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      ObjectMapper json = new ObjectMapper();
      String cursor = null;
      long count = 0;
      do {
        String url = api.url(endpoint) + (cursor == null ? "" : "?cursor=" + cursor);
        byte[] body = client.send(HttpRequest.newBuilder(URI.create(url)).build(),
            HttpResponse.BodyHandlers.ofByteArray()).body();
        JsonNode page = json.readTree(body);
        for (JsonNode record : page.get("data")) {
          count++;
          byte[] key = record.get("id").asText().getBytes(StandardCharsets.UTF_8);
          byte[] value = json.writeValueAsBytes(record);
          serialisedBytes += key.length + value.length;
          if (producer != null) {
            producer.send(new ProducerRecord<>(topic("bare", endpoint, round), key, value));
          }
        }
        JsonNode next = page.path("meta").path("next_cursor");
        cursor = next.isNull() ? null : next.asText();
      } while (cursor != null);
      return count;
    });
  }

  /**
   * The connector's tasks, as it assigns them, with the worker's converter for the value format:
   * json with ByteArrayConverter (the bare loop's bytes), map with JsonConverter, struct with
   * JsonConverter and schemas.
   */
  private long connector(int tasks, int endpoints, int round, String format) throws Exception {
    Map<String, String> props = new HashMap<>();
    props.put("name", "bench");
    List<String> names = new ArrayList<>();
    for (int i = 0; i < endpoints; i++) {
      names.add("e" + i);
      props.put("endpoint.e" + i + ".url", api.url("e" + i));
    }
    props.put("endpoints", String.join(",", names));
    props.put("topic", "${endpoint}");
    props.put("records.pointer", "/data");
    props.put("pagination.mode", "cursor");
    props.put("pagination.cursor.pointer", "/meta/next_cursor");
    props.put("pagination.max.pages.per.poll", "10");
    props.put("key.fields", "id");
    if (!Boolean.getBoolean("bench.noWatermark")) {
      props.put("watermark.field", "updated_at");
    }
    props.put("poll.interval.ms", "3600000");
    props.put("value.format", format);
    HttpSourceConnector connector = new HttpSourceConnector();
    connector.start(props);
    List<Map<String, String>> configs = connector.taskConfigs(tasks);
    long perTask = (long) records * endpoints / configs.size();
    ExecutorService pool = Executors.newFixedThreadPool(configs.size());
    List<Future<Long>> results = new ArrayList<>();
    KafkaProducer<byte[], byte[]> producer = producer();
    for (Map<String, String> config : configs) {
      results.add(pool.submit(() -> runTask(config, perTask, producer, round, format)));
    }
    long total = 0;
    for (Future<Long> result : results) {
      total += result.get();
    }
    if (producer != null) {
      producer.flush();
    }
    pool.shutdown();
    if (producer != null) {
      producer.close();
    }
    return total;
  }

  private long runTask(Map<String, String> config, long expected,
      KafkaProducer<byte[], byte[]> producer, int round, String format) throws InterruptedException {
    HttpSourceTask task = new HttpSourceTask();
    task.initialize(context(config));
    task.start(config);
    StringConverter keys = new StringConverter();
    keys.configure(Map.of(), true);
    Converter values = format.equals("json") ? new ByteArrays() : new JsonConverter();
    values.configure(Map.of("schemas.enable", Boolean.toString(format.equals("struct"))), false);
    long count = 0;
    long bytes = 0;
    try {
      while (count < expected) {
        List<SourceRecord> batch = task.poll();
        if (batch == null) {
          continue;
        }
        for (SourceRecord record : batch) {
          byte[] key = keys.fromConnectData(record.topic(), record.keySchema(), record.key());
          byte[] value = values.fromConnectData(record.topic(), record.valueSchema(), record.value());
          bytes += key.length + value.length;
          if (producer != null) {
            producer.send(new ProducerRecord<>(topic(format, record.topic(), round), key, value));
          }
          count++;
        }
      }
    } finally {
      task.stop();
    }
    serialisedBytes += bytes; // keeps the conversions observable
    return count;
  }

  /** What connect-runtime's ByteArrayConverter does on the way out (it is not on this class path). */
  private static final class ByteArrays implements Converter {
    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {}

    @Override
    public byte[] fromConnectData(String topic, org.apache.kafka.connect.data.Schema schema, Object value) {
      if (schema != null && schema.type() != org.apache.kafka.connect.data.Schema.Type.BYTES) {
        throw new IllegalArgumentException("not bytes");
      }
      return (byte[]) value;
    }

    @Override
    public org.apache.kafka.connect.data.SchemaAndValue toConnectData(String topic, byte[] value) {
      throw new UnsupportedOperationException();
    }
  }

  private interface EndpointLoop {
    long run(String endpoint, KafkaProducer<byte[], byte[]> producer) throws Exception;
  }

  private long timed(int threads, int endpoints, int round, String side, EndpointLoop loop)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    KafkaProducer<byte[], byte[]> producer = producer();
    List<Future<Long>> results = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int first = t;
      Callable<Long> work = () -> {
        long count = 0;
        for (int e = first; e < endpoints; e += threads) {
          count += loop.run("e" + e, producer);
        }
        return count;
      };
      results.add(pool.submit(work));
    }
    long total = 0;
    for (Future<Long> result : results) {
      total += result.get();
    }
    if (producer != null) {
      producer.flush();
    }
    pool.shutdown();
    if (producer != null) {
      producer.close();
    }
    return total;
  }

  private String topic(String side, String endpoint, int round) {
    return "bench-" + runId + "-" + side + "-" + endpoint + "-" + round;
  }

  private KafkaProducer<byte[], byte[]> producer() {
    if (bootstrap == null) {
      return null;
    }
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    // What a Connect worker's source producer uses.
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
    return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
  }

  private static SourceTaskContext context(Map<String, String> config) {
    OffsetStorageReader none = new OffsetStorageReader() {
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
    return new SourceTaskContext() {
      @Override
      public Map<String, String> configs() {
        return config;
      }

      @Override
      public OffsetStorageReader offsetStorageReader() {
        return none;
      }

      @Override
      public PluginMetrics pluginMetrics() {
        throw new UnsupportedOperationException();
      }
    };
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    return options;
  }
}
