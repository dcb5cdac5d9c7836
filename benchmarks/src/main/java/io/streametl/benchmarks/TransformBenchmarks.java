package io.streametl.benchmarks;

import io.streametl.smt.enrich.DeriveEventId;
import io.streametl.smt.enrich.FieldToHeader;
import io.streametl.smt.enrich.HeaderToField;
import io.streametl.smt.enrich.InsertMetadata;
import io.streametl.smt.lookup.Lookup;
import io.streametl.smt.pii.ProtectFields;
import io.streametl.smt.predicate.FieldEquals;
import io.streametl.smt.validate.ParseTimestamps;
import io.streametl.smt.validate.ValidateFields;
import io.streametl.smt.validate.ValidateJsonSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.transforms.Transformation;
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

/** Each of our transforms and predicates on its own, on a ~1 KB Struct and Map record. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TransformBenchmarks {

  static final String JSON_SCHEMA = "{\"$schema\": \"http://json-schema.org/draft-07/schema#\","
      + " \"type\": \"object\","
      + " \"required\": [\"event_id\", \"user_id\", \"event_type\", \"plan\", \"amount\", \"currency\","
      + " \"event_time\", \"device\"],"
      + " \"properties\": {"
      + "  \"event_id\": {\"type\": \"string\", \"pattern\": \"^[0-9a-f-]{36}$\"},"
      + "  \"user_id\": {\"type\": \"string\", \"minLength\": 1, \"maxLength\": 64},"
      + "  \"event_type\": {\"enum\": [\"signup\", \"upgrade\", \"downgrade\", \"cancel\", \"renew\"]},"
      + "  \"plan\": {\"enum\": [\"free\", \"basic\", \"pro\", \"enterprise\"]},"
      + "  \"region\": {\"type\": \"string\"}, \"country\": {\"type\": \"string\", \"maxLength\": 2},"
      + "  \"amount\": {\"type\": \"number\", \"minimum\": 0, \"maximum\": 100000},"
      + "  \"currency\": {\"type\": \"string\", \"pattern\": \"^[A-Z]{3}$\"},"
      + "  \"quantity\": {\"type\": \"integer\", \"minimum\": 1},"
      + "  \"event_time\": {\"type\": \"string\", \"format\": \"date-time\"},"
      + "  \"tags\": {\"type\": \"array\", \"items\": {\"type\": \"string\"}, \"maxItems\": 20},"
      + "  \"coupon\": {\"type\": [\"string\", \"null\"]},"
      + "  \"device\": {\"type\": \"object\", \"required\": [\"os\"],"
      + "   \"properties\": {\"os\": {\"type\": \"string\"}, \"app_version\": {\"type\": \"string\"}}}"
      + " }}";

  static final Map<String, String> FIELD_RULES = Map.of(
      "fields.required", "event_id,user_id,event_type,plan,amount,currency,event_time,device.os",
      "fields.types", "amount:number,quantity:int,device:struct,tags:array",
      "fields.range", "amount:0..100000",
      "fields.enum", "event_type:signup|upgrade|downgrade|cancel|renew,plan:free|basic|pro|enterprise",
      "fields.regex", "currency:[A-Z]{3}",
      "fields.max.length", "user_id:64");

  @Param({"struct", "map"})
  public String form;

  private SinkRecord record;
  private final List<Transformation<SinkRecord>> opened = new ArrayList<>();
  private Transformation<SinkRecord> validateFields;
  private Transformation<SinkRecord> validateJsonSchema;
  private Transformation<SinkRecord> parseTimestamps;
  private Transformation<SinkRecord> insertMetadata;
  private Transformation<SinkRecord> headerToField;
  private Transformation<SinkRecord> fieldToHeader;
  private Transformation<SinkRecord> lookup;
  private Transformation<SinkRecord> deriveEventId;
  private Transformation<SinkRecord> protectFields;
  private FieldEquals<SinkRecord> fieldEquals;
  private Path plans;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    record = Events.record(form.equals("struct"));
    plans = Files.createTempFile("plans", ".csv");
    StringBuilder csv = new StringBuilder("plan,name,tier\n");
    for (int i = 0; i < 1000; i++) {
      csv.append("plan-").append(i).append(",Plan ").append(i).append(',').append(i % 5).append('\n');
    }
    csv.append("pro,Pro monthly,2\n");
    Files.writeString(plans, csv, StandardCharsets.UTF_8);

    validateFields = open(new ValidateFields.Value<>(), FIELD_RULES);
    validateJsonSchema = open(new ValidateJsonSchema.Value<>(), Map.of("schema.inline", JSON_SCHEMA));
    parseTimestamps = open(new ParseTimestamps.Value<>(), Map.of("fields", "event_time_text"));
    insertMetadata = open(new InsertMetadata.Value<>(), Map.of(
        "ingest.time.field", "_meta.ingested_at", "topic.field", "_meta.topic",
        "partition.field", "_meta.partition", "offset.field", "_meta.offset",
        "static.fields", "_meta.pipeline:subscriptions"));
    headerToField = open(new HeaderToField.Value<>(),
        Map.of("header.mappings", "traceparent:_meta.trace,tenant:_meta.tenant"));
    fieldToHeader = open(new FieldToHeader.Value<>(),
        Map.of("field.mappings", "device.os:x-device-os,region:x-region"));
    lookup = open(new Lookup.Value<>(), Map.of("key.field", "plan", "fields",
        "name:_plan.name,tier:_plan.tier", "file.path", plans.toString(), "file.key.column", "plan"));
    deriveEventId = open(new DeriveEventId.Value<>(),
        Map.of("fields", "user_id,event_type,plan,amount,event_time_text"));
    protectFields = open(new ProtectFields.Value<>(), Map.of("hash.fields", "user_id,ip",
        "hash.key", "benchmark-only-hmac-key-0123456789", "mask.fields", "session_id",
        "mask.keep.last", "4"));
    fieldEquals = new FieldEquals.Value<>();
    fieldEquals.configure(Map.of("field", "device.os", "value", "ios"));
  }

  private Transformation<SinkRecord> open(Transformation<SinkRecord> transform, Map<String, String> props) {
    transform.configure(props);
    opened.add(transform);
    return transform;
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    opened.forEach(Transformation::close);
    fieldEquals.close();
    Files.deleteIfExists(plans);
  }

  @Benchmark
  public SinkRecord validateFields() {
    return validateFields.apply(record);
  }

  @Benchmark
  public SinkRecord validateJsonSchema() {
    return validateJsonSchema.apply(record);
  }

  @Benchmark
  public SinkRecord parseTimestamps() {
    return parseTimestamps.apply(record);
  }

  @Benchmark
  public SinkRecord insertMetadata() {
    return insertMetadata.apply(record);
  }

  @Benchmark
  public SinkRecord headerToField() {
    return headerToField.apply(record);
  }

  @Benchmark
  public SinkRecord fieldToHeader() {
    return fieldToHeader.apply(record);
  }

  @Benchmark
  public SinkRecord lookupFile() {
    return lookup.apply(record);
  }

  @Benchmark
  public SinkRecord deriveEventId() {
    return deriveEventId.apply(record);
  }

  @Benchmark
  public SinkRecord protectFields() {
    return protectFields.apply(record);
  }

  @Benchmark
  public boolean fieldEqualsPredicate() {
    return fieldEquals.test(record);
  }
}
