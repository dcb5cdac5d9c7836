package io.streametl.sink.bigquery;

import com.google.cloud.NoCredentials;
import io.streametl.sink.state.aggregate.AggregationConfig;
import io.streametl.sink.state.aggregate.AggregationSpec;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.sink.SinkRecord;

/** Destinations wired to a {@link FakeBigQuery}, with recorded (not slept) backoffs, and test events. */
final class FakeBigQueryFixture {

  static final String PROJECT = "test-project";
  static final String DATASET = "sink";
  static final String TOPIC = "events";
  static final Schema EVENT = SchemaBuilder.struct().name("Event")
      .field("event_id", Schema.STRING_SCHEMA)
      .field("region", Schema.STRING_SCHEMA)
      .field("amount", Decimal.schema(2))
      .field("event_time", Timestamp.SCHEMA)
      .build();

  final FakeBigQuery fake;
  final List<Duration> sleeps = new ArrayList<>();
  int maxRequestBytes = 9 * 1024 * 1024;
  int maxAttempts = 4;
  String partitionBy = "DAY(event_time)";
  boolean evolve = true;
  Clock clock = Clock.systemUTC();
  Duration retention = Duration.ofDays(30);

  FakeBigQueryFixture(FakeBigQuery fake) {
    this.fake = fake;
  }

  static List<AggregationSpec> perMinute() {
    Map<String, String> props = new HashMap<>();
    props.put("aggregations", "per_minute");
    props.put("aggregation.per_minute.window", "tumbling:1m");
    props.put("aggregation.per_minute.time-field", "event_time");
    props.put("aggregation.per_minute.group-by", "region");
    props.put("aggregation.per_minute.metrics", "count,sum(amount):decimal,max(amount):decimal");
    return AggregationConfig.parse(props);
  }

  BigQuerySettings settings() {
    return new BigQuerySettings(PROJECT, DATASET, "US", table("events"),
        Map.of("per_minute", table("events_per_minute")), table("streametl_ledger"), table("streametl_state"),
        true, partitionBy, List.of("region"), evolve, true,
        new BigQuerySettings.Connection("", "", fake.restEndpoint(), fake.grpcEndpoint(), true),
        maxRequestBytes, new RetryPolicy(maxAttempts, Duration.ofMillis(100), Duration.ofMillis(1000)), retention);
  }

  static TableRef table(String name) {
    return new TableRef(PROJECT, DATASET, name);
  }

  BigQueryDestination destination(String connector, int taskId) {
    return destination(connector, taskId, perMinute());
  }

  BigQueryDestination destination(String connector, int taskId, List<AggregationSpec> aggregations) {
    BigQuerySettings settings = settings();
    return new BigQueryDestination(settings, aggregations, connector, taskId,
        BigQueryClients.rest(settings, NoCredentials.getInstance()),
        BigQueryClients.write(settings, NoCredentials.getInstance()),
        BigQueryClients.read(settings, NoCredentials.getInstance()),
        new Retrier(settings.retry(), sleeps::add), clock);
  }

  List<Map<String, Object>> rows(String table) {
    return fake.rows(PROJECT, DATASET, table);
  }

  List<String> eventIds() {
    List<String> ids = new ArrayList<>();
    rows("events").forEach(r -> ids.add((String) r.get("event_id")));
    return ids;
  }

  static Struct event(String id, long epochMillis) {
    return new Struct(EVENT).put("event_id", id).put("region", "eu").put("amount", new BigDecimal("12.30"))
        .put("event_time", new Date(epochMillis));
  }

  static SinkRecord record(int partition, long offset) {
    String id = "e-" + partition + "-" + offset;
    return new SinkRecord(TOPIC, partition, Schema.STRING_SCHEMA, id, EVENT, event(id, 1_763_700_000_000L), offset);
  }
}
