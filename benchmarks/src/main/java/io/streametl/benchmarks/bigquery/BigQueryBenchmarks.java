package io.streametl.benchmarks.bigquery;

import io.streametl.benchmarks.GeneratorEvents;

import io.streametl.sink.SinkConfig;
import io.streametl.sink.bigquery.BigQueryDestination;
import io.streametl.sink.bigquery.FakeBigQuery;
import java.math.BigDecimal;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The BigQuery destination: the per-row cost we control (a record to a buffered protobuf row:
 * schema check and encoding), beside Kafka's JsonConverter serializing the same record (the JSON a
 * JSON-based writer would build), and rows/s appended and committed exactly once against
 * FakeBigQuery on localhost (gRPC over loopback: an upper bound for the client side, not BigQuery's
 * service time). Run: java -jar benchmarks/target/benchmarks.jar BigQueryBenchmarks
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class BigQueryBenchmarks {

  static final int ROWS_PER_COMMIT = 10_000;
  private static final TopicPartition P0 = new TopicPartition("events", 0);
  private static final Schema DEVICE = GeneratorEvents.DEVICE;
  private static final Schema EVENT = GeneratorEvents.VALUE;

  private FakeBigQuery fake;
  private BigQueryDestination destination;
  private JsonConverter json;
  private SinkRecord[] records;
  private long nextOffset;
  private int cursor;

  @Setup(Level.Trial)
  public void start() {
    fake = FakeBigQuery.start();
    fake.countRowsOnly("events");
    Map<String, String> props = new HashMap<>(fake.connectorConfig("bench-project", "bench"));
    props.put("name", "bench");
    props.put("bigquery.table", "events");
    SinkConfig config = new SinkConfig(props);
    destination = BigQueryDestination.create(config.bigQuery(), List.of(), "bench", 0);
    destination.committedOffsets(List.of(P0));
    records = new SinkRecord[1024];
    for (int i = 0; i < records.length; i++) {
      Struct value = new Struct(EVENT)
          .put("event_id", "evt-" + (1_000_000 + i)).put("user_id", "user-" + (i % 97))
          .put("event_type", i % 3 == 0 ? "signup" : "renewal").put("plan", "pro").put("region", "eu-west")
          .put("channel", "web").put("amount", new BigDecimal("12.30").add(BigDecimal.valueOf(i, 2)))
          .put("currency", "EUR").put("event_time", new Date(1_763_700_000_000L + i))
          .put("device", new Struct(DEVICE).put("os", "ios").put("app_version", "5.1.0"));
      records[i] = new SinkRecord("events", 0, Schema.STRING_SCHEMA, "k" + i, EVENT, value, i);
    }
    destination.write(records[0]); // creates the table
    destination.commit(Map.of(P0, ++nextOffset), Map.of());
    json = new JsonConverter();
    json.configure(Map.of("schemas.enable", "false", "decimal.format", "NUMERIC"), false);
  }

  @TearDown(Level.Trial)
  public void stop() {
    destination.close();
    fake.close();
  }

  /** One record to a buffered row: the sink's own per-row cost (ns/row). */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public long encodeRow() {
    destination.write(records[cursor++ & 1023]);
    if ((cursor & 0x3fff) == 0) {
      destination.abort(); // keep the buffer bounded
    }
    return destination.bufferedBytes();
  }

  /** The peer: JsonConverter serializing the same record (ns/row). */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public byte[] jsonConverterPeer() {
    SinkRecord record = records[cursor++ & 1023];
    return json.fromConnectData("events", record.valueSchema(), record.value());
  }

  /**
   * 10,000 rows into a PENDING stream, finalize, the ledger commit and the stream commit: the whole
   * exactly-once cycle. Reported per row; rows/s = 10^9 / (ns/row).
   */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  @OperationsPerInvocation(ROWS_PER_COMMIT)
  public long appendAndCommit() {
    for (int i = 0; i < ROWS_PER_COMMIT; i++) {
      destination.write(records[i & 1023]);
    }
    nextOffset += ROWS_PER_COMMIT;
    destination.commit(Map.of(P0, nextOffset), Map.of());
    return fake.rowsCounted();
  }
}
