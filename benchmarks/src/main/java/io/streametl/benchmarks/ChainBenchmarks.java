package io.streametl.benchmarks;

import io.streametl.smt.enrich.DeriveEventId;
import io.streametl.smt.enrich.InsertMetadata;
import io.streametl.smt.pii.ProtectFields;
import io.streametl.smt.predicate.FieldEquals;
import io.streametl.smt.predicate.FieldIn;
import io.streametl.smt.validate.ParseTimestamps;
import io.streametl.smt.validate.ValidateFields;
import io.streametl.smt.validate.ValidateJsonSchema;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.transforms.Cast;
import org.apache.kafka.connect.transforms.Filter;
import org.apache.kafka.connect.transforms.InsertField;
import org.apache.kafka.connect.transforms.TimestampConverter;
import org.apache.kafka.connect.transforms.predicates.TopicNameMatches;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Whole chains on the same record: Kafka's built-in SMTs doing the enrichment and conversion they
 * can (InsertField, Cast, TimestampConverter, Filter with a TopicNameMatches predicate), against
 * our validate + enrich chain (field rules, timestamp parsing, metadata and static fields, Filter
 * with our FieldEquals predicate), the same with a derived id and hashed user ids, and the demo
 * chain of connect-configs/subscription-events-validated-chain.json (JSON Schema first).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ChainBenchmarks {

  @Param({"struct", "map"})
  public String form;

  private SinkRecord record;
  private Chains builtIn;
  private Chains validateEnrich;
  private Chains validateEnrichIdHash;
  private Chains demo;

  @Setup(Level.Trial)
  public void setUp() {
    record = Events.record(form.equals("struct"));
    builtIn = new Chains()
        .add(new InsertField.Value<>(), Map.of("topic.field", "_source_topic",
            "partition.field", "_source_partition", "offset.field", "_source_offset",
            "static.field", "_pipeline", "static.value", "subscriptions"))
        .add(new Cast.Value<>(), Map.of("spec", "quantity:int64"))
        .add(new TimestampConverter.Value<>(), Map.of("field", "event_time_text",
            "target.type", "Timestamp", "format", "yyyy-MM-dd'T'HH:mm:ss.SSSX"))
        .add(new Filter<>(), Map.of(),
            Chains.configured(new TopicNameMatches<>(), Map.of("pattern", "test-.*")));

    validateEnrich = new Chains()
        .add(new ValidateFields.Value<>(), TransformBenchmarks.FIELD_RULES)
        .add(new ParseTimestamps.Value<>(), Map.of("fields", "event_time_text"))
        .add(new InsertMetadata.Value<>(), Map.of("topic.field", "_source_topic",
            "partition.field", "_source_partition", "offset.field", "_source_offset",
            "static.fields", "_pipeline:subscriptions"))
        .add(new Filter<>(), Map.of(),
            Chains.configured(new FieldEquals.Value<>(), Map.of("field", "channel", "value", "test")));

    FieldIn<SinkRecord> inEurope = Chains.configured(new FieldIn.Value<>(),
        Map.of("field", "region", "values", "eu-west,eu-central"));
    validateEnrichIdHash = new Chains()
        .add(new ValidateFields.Value<>(), TransformBenchmarks.FIELD_RULES)
        .add(new ParseTimestamps.Value<>(), Map.of("fields", "event_time_text"))
        .add(new InsertMetadata.Value<>(), Map.of("topic.field", "_source_topic",
            "partition.field", "_source_partition", "offset.field", "_source_offset",
            "static.fields", "_pipeline:subscriptions"))
        .add(new DeriveEventId.Value<>(), Map.of("fields", "user_id,event_type,plan,amount,event_time_text",
            "id.field", "_content_id"))
        .add(new ProtectFields.Value<>(), Map.of("hash.fields", "user_id",
            "hash.key", "benchmark-only-hmac-key-0123456789"), inEurope);

    FieldIn<SinkRecord> demoInEurope = Chains.configured(new FieldIn.Value<>(),
        Map.of("field", "region", "values", "eu-west,eu-central"));
    demo = new Chains()
        .add(new ValidateJsonSchema.Value<>(), Map.of("schema.inline", TransformBenchmarks.JSON_SCHEMA))
        .add(new ValidateFields.Value<>(), Map.of(
            "fields.enum", "event_type:signup|upgrade|downgrade|cancel|renew,plan:free|basic|pro|enterprise",
            "fields.range", "amount:0..100000", "fields.regex", "user_id:user-[0-9]+",
            "fields.max.length", "device.app_version:16"))
        .add(new InsertMetadata.Value<>(), Map.of("ingest.time.field", "_meta.ingested_at",
            "topic.field", "_meta.topic", "partition.field", "_meta.partition",
            "offset.field", "_meta.offset", "static.fields", "_meta.pipeline:subscriptions-validated"))
        .add(new DeriveEventId.Value<>(), Map.of("fields", "user_id,event_type,plan,amount,event_time",
            "id.field", "_meta.content_id"))
        .add(new ProtectFields.Value<>(), Map.of("hash.fields", "user_id",
            "hash.key", "benchmark-only-hmac-key-0123456789"), demoInEurope);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    builtIn.close();
    validateEnrich.close();
    validateEnrichIdHash.close();
    demo.close();
  }

  @Benchmark
  public SinkRecord builtInChain() {
    return builtIn.apply(record);
  }

  @Benchmark
  public SinkRecord validateEnrichChain() {
    return validateEnrich.apply(record);
  }

  @Benchmark
  public SinkRecord validateEnrichIdHashChain() {
    return validateEnrichIdHash.apply(record);
  }

  @Benchmark
  public SinkRecord demoChain() {
    return demo.apply(record);
  }
}
