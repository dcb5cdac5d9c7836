package io.streametl.sink;

import io.streametl.sink.iceberg.IcebergCatalogs;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Not a test: the task's own CPU per record, in one thread, without Kafka, Connect or converters,
 * for profiling the sink's per-record path (docs/benchmarks/sink.md, "Where the CPU goes"). The
 * records look like the generator's subscription events after the validate and enrich SMTs
 * (Structs of one schema, 5 % duplicates, 5 % late), and the config is the shipped
 * subscription-events-iceberg.json: dedup on the record key and the per_minute aggregation. Run:
 *
 * <pre>
 * ./mvnw -o -q -B -pl sink-connectors dependency:build-classpath -Dmdep.outputFile=/tmp/sink-cp.txt -Dmdep.includeScope=test
 * java -cp sink-connectors/target/test-classes:sink-connectors/target/classes:$(cat /tmp/sink-cp.txt) \
 *   io.streametl.sink.SinkTaskCpuReport 200000 5
 * </pre>
 *
 * <p>Arguments: records per pass (default 200000) and passes (default 5; the first ones warm the
 * JIT). Each pass writes new tables. Commits come every 20,000 records, as one task of the
 * benchmark commits about every second.
 */
public final class SinkTaskCpuReport {

  private static final long MINUTE = 60_000L;
  private static final int BATCH = 500;             // Connect's default max.poll.records
  private static final int RECORDS_PER_COMMIT = 20_000;
  private static final String[] REGIONS = {"eu-west", "eu-central", "us-east", "us-west", "ap-south", "sa-east"};
  private static final String[] CHANNELS = {"web", "ios", "android", "partner"};
  private static final String[] PLANS = {"free", "basic", "pro", "team", "enterprise"};
  private static final String[] TYPES = {"signup", "upgrade", "downgrade", "renewal", "cancel"};

  private static final Schema DEVICE = SchemaBuilder.struct().name("io.streametl.events.Device").version(1)
      .field("os", Schema.STRING_SCHEMA).field("app_version", Schema.STRING_SCHEMA).build();
  private static final Schema VALUE = SchemaBuilder.struct().name("io.streametl.events.SubscriptionEvent").version(1)
      .field("event_id", Schema.STRING_SCHEMA)
      .field("user_id", Schema.STRING_SCHEMA)
      .field("event_type", Schema.STRING_SCHEMA)
      .field("plan", Schema.STRING_SCHEMA)
      .field("region", Schema.STRING_SCHEMA)
      .field("channel", Schema.STRING_SCHEMA)
      .field("amount", Decimal.schema(2))
      .field("currency", Schema.STRING_SCHEMA)
      .field("event_time", Timestamp.SCHEMA)
      .field("device", DEVICE)
      .field("_ingested_at", Timestamp.builder().optional().build())
      .field("_source_topic", Schema.OPTIONAL_STRING_SCHEMA)
      .field("_source_partition", Schema.OPTIONAL_INT32_SCHEMA)
      .field("_source_offset", Schema.OPTIONAL_INT64_SCHEMA)
      .build();

  private SinkTaskCpuReport() {}

  public static void main(String[] args) throws Exception {
    int records = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    int passes = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    List<SinkRecord> input = events(records);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    com.sun.management.OperatingSystemMXBean process =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    for (int pass = 1; pass <= passes; pass++) {
      Path dir = Files.createTempDirectory("sink-cpu-report");
      MutableClock clock = new MutableClock();
      DedupAggregateSinkTask task = new DedupAggregateSinkTask(clock, Destinations::create);
      task.initialize(new RecordingSinkTaskContext(true));
      task.start(props(dir));
      TopicPartition tp = new TopicPartition("subscription-events", 0);
      task.open(List.of(tp));
      long cpu = threads.getCurrentThreadCpuTime();
      long processCpu = process.getProcessCpuTime();
      long wall = System.nanoTime();
      for (int from = 0; from < input.size(); from += BATCH) {
        if (from > 0 && from % RECORDS_PER_COMMIT == 0) {
          clock.advance(1_000);
        }
        task.put(input.subList(from, Math.min(input.size(), from + BATCH)));
      }
      clock.advance(1_000);
      task.put(List.of());
      cpu = threads.getCurrentThreadCpuTime() - cpu;
      processCpu = process.getProcessCpuTime() - processCpu;
      wall = System.nanoTime() - wall;
      task.close(List.of(tp));
      task.stop();
      System.out.printf("pass %d: %,d records, task thread CPU %.2f µs/record, process CPU (with GC and JIT) "
          + "%.2f µs/record, wall %.2f µs/record%n", pass, records, cpu / 1000.0 / records,
          processCpu / 1000.0 / records, wall / 1000.0 / records);
    }
    System.exit(0); // the JDBC catalog's pool threads
  }

  static Map<String, String> props(Path dir) {
    Map<String, String> props = new HashMap<>();
    props.put("name", "subscription-events-iceberg");
    props.put("iceberg.catalog", "local");
    props.put("iceberg.catalog.type", "jdbc");
    props.put("iceberg.catalog.uri", "jdbc:sqlite:" + dir.resolve("catalog.db"));
    props.put("iceberg.catalog.warehouse", dir.resolve("warehouse").toUri().toString());
    props.put("iceberg.table", "demo.subscription_events");
    props.put("iceberg.table.partition-by", "day(event_time)");
    props.put("iceberg.table.properties.format-version", "2");
    props.put("iceberg.table.properties.write.parquet.compression-codec", "zstd");
    props.put("dedup.enabled", "true");
    props.put("dedup.ttl", "1h");
    props.put("aggregations", "per_minute");
    props.put("aggregation.per_minute.window", "tumbling:1m");
    props.put("aggregation.per_minute.time-field", "event_time");
    props.put("aggregation.per_minute.group-by", "region,channel,plan");
    props.put("aggregation.per_minute.metrics",
        "count,sum(amount):decimal,min(amount):decimal,max(amount):decimal,approx_distinct(user_id)");
    props.put("aggregation.per_minute.allowed-lateness", "1h");
    props.put("aggregation.per_minute.watermark.delay", "10s");
    props.put("aggregation.per_minute.too-late", "dead-letter");
    props.put("commit.interval.ms", "1000");
    props.put("maintenance.enabled", "false");
    return props;
  }

  /** Generator-like events: 5 % repeat an earlier event id, 5 % are a few minutes late. */
  static List<SinkRecord> events(int count) {
    Random random = new Random(42);
    long start = 1_763_700_000_000L;
    List<SinkRecord> records = new ArrayList<>(count);
    List<String> ids = new ArrayList<>();
    for (int offset = 0; offset < count; offset++) {
      String id = offset > 100 && random.nextInt(100) < 5 ? ids.get(ids.size() - 1 - random.nextInt(100))
          : new UUID(random.nextLong(), random.nextLong()).toString();
      ids.add(id);
      long eventTime = start + offset * 5L - (random.nextInt(100) < 5 ? (1 + random.nextInt(30)) * MINUTE : 0);
      Struct device = new Struct(DEVICE).put("os", random.nextBoolean() ? "ios" : "android")
          .put("app_version", "3." + random.nextInt(10) + ".0");
      Struct value = new Struct(VALUE)
          .put("event_id", id)
          .put("user_id", "user-" + random.nextInt(50_000))
          .put("event_type", TYPES[random.nextInt(TYPES.length)])
          .put("plan", PLANS[random.nextInt(PLANS.length)])
          .put("region", REGIONS[random.nextInt(REGIONS.length)])
          .put("channel", CHANNELS[random.nextInt(CHANNELS.length)])
          .put("amount", BigDecimal.valueOf(random.nextInt(100_00), 2))
          .put("currency", "EUR")
          .put("event_time", new Date(eventTime))
          .put("device", device)
          .put("_ingested_at", new Date(start + offset * 5L + 300))
          .put("_source_topic", "subscription-events")
          .put("_source_partition", 0)
          .put("_source_offset", (long) offset);
      records.add(new SinkRecord("subscription-events", 0, Schema.STRING_SCHEMA, id, VALUE, value, offset,
          start + offset * 5L + 200, org.apache.kafka.common.record.TimestampType.CREATE_TIME));
    }
    return records;
  }
}
