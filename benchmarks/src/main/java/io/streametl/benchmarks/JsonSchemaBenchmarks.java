package io.streametl.benchmarks;

import io.streametl.smt.validate.ValidateJsonSchema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;
import org.everit.json.schema.Schema;
import org.everit.json.schema.ValidationException;
import org.everit.json.schema.loader.SchemaLoader;
import org.json.JSONArray;
import org.json.JSONObject;
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
 * JSON Schema validation of one ~1 KB record: ours (ValidateJsonSchema: Connect value to a
 * Jackson tree, networknt validator) against the peer. jcustenborder's FromJson is not on Maven
 * Central, so the peer is the validator FromJson is built on, everit-json-schema (maintained,
 * on Central), driven the two ways a transform would: from the JSON text, as FromJson reads its
 * input, and from the Connect value, converted to org.json as ours converts to Jackson. Same
 * schema (draft 7), same record, valid and invalid.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class JsonSchemaBenchmarks {

  @Param({"struct", "map"})
  public String form;

  private SinkRecord valid;
  private SinkRecord invalid;
  private String validText;
  private String invalidText;
  private ValidateJsonSchema<SinkRecord> ours;
  private Schema peer;

  @Setup(Level.Trial)
  public void setUp() {
    valid = Events.record(form.equals("struct"));
    Map<String, Object> broken = Events.map();
    broken.put("amount", -5);
    broken.put("currency", "euro");
    invalid = new SinkRecord(Events.TOPIC, 0, null, null, null, broken, 1L);
    if (form.equals("struct")) {
      Struct brokenStruct = Events.struct().put("amount", new BigDecimal("-5.00")).put("currency", "euro");
      invalid = new SinkRecord(Events.TOPIC, 0, null, null, Events.EVENT, brokenStruct, 1L);
    }
    validText = Events.jsonText();
    invalidText = new JSONObject(validText).put("amount", -5).put("currency", "euro").toString();
    ours = new ValidateJsonSchema.Value<>();
    ours.configure(Map.of("schema.inline", TransformBenchmarks.JSON_SCHEMA, "on.failure", "drop"));
    peer = SchemaLoader.load(new JSONObject(TransformBenchmarks.JSON_SCHEMA));
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    ours.close();
  }

  @Benchmark
  public SinkRecord oursValid() {
    return ours.apply(valid);
  }

  @Benchmark
  public SinkRecord oursInvalid() {
    return ours.apply(invalid);
  }

  @Benchmark
  public Object peerFromConnectValueValid() {
    return validateWithPeer(toOrgJson(valid.value()));
  }

  @Benchmark
  public Object peerFromConnectValueInvalid() {
    return validateWithPeer(toOrgJson(invalid.value()));
  }

  @Benchmark
  public Object peerFromTextValid() {
    return validateWithPeer(new JSONObject(validText));
  }

  @Benchmark
  public Object peerFromTextInvalid() {
    return validateWithPeer(new JSONObject(invalidText));
  }

  /** The peer's outcome: the instance, or the exception listing the violations. */
  private Object validateWithPeer(Object json) {
    try {
      peer.validate(json);
      return json;
    } catch (ValidationException e) {
      return e.getAllMessages();
    }
  }

  /** A Connect value as org.json objects, presented as ours presents it to networknt. */
  static Object toOrgJson(Object value) {
    if (value instanceof Struct) {
      Struct struct = (Struct) value;
      JSONObject object = new JSONObject();
      for (Field field : struct.schema().fields()) {
        Object fieldValue = toOrgJson(struct.get(field));
        object.put(field.name(), fieldValue == null ? JSONObject.NULL : fieldValue);
      }
      return object;
    }
    if (value instanceof Map) {
      JSONObject object = new JSONObject();
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        Object entryValue = toOrgJson(entry.getValue());
        object.put(String.valueOf(entry.getKey()), entryValue == null ? JSONObject.NULL : entryValue);
      }
      return object;
    }
    if (value instanceof List) {
      JSONArray array = new JSONArray();
      for (Object element : (List<?>) value) {
        array.put(toOrgJson(element));
      }
      return array;
    }
    if (value instanceof Date) {
      return Instant.ofEpochMilli(((Date) value).getTime()).toString();
    }
    return value;
  }
}
