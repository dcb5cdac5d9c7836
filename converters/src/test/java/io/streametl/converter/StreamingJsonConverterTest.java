package io.streametl.converter;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.storage.Converter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * StreamingJsonConverter against the JsonConverter it replaces, in the same JVM: every record must
 * decode to an equal schema and value, or fail with the same exception and message. The fast path
 * must also actually be taken (counted), or the comparisons would only test the delegate.
 */
class StreamingJsonConverterTest {

  private static final String TOPIC = "events";

  private static final Schema DEVICE = SchemaBuilder.struct().name("io.example.Device")
      .field("os", Schema.STRING_SCHEMA).field("app_version", Schema.STRING_SCHEMA).build();
  private static final Schema EVENT = SchemaBuilder.struct().name("io.example.Event").version(1)
      .field("event_id", Schema.STRING_SCHEMA)
      .field("quantity", Schema.INT32_SCHEMA)
      .field("amount", Decimal.schema(2))
      .field("score", Schema.OPTIONAL_FLOAT64_SCHEMA)
      .field("event_time", Timestamp.SCHEMA)
      .field("tags", SchemaBuilder.array(Schema.STRING_SCHEMA).optional().build())
      .field("device", DEVICE)
      .build();

  @ParameterizedTest
  @ValueSource(strings = {"NUMERIC", "BASE64"})
  void randomRecordsDecodeExactlyAsJsonConverterDoes(String decimalFormat) {
    Map<String, String> config = Map.of("decimal.format", decimalFormat);
    JsonConverter reference = jsonConverter(config);
    StreamingJsonConverter converter = streamingConverter(config);
    int records = 0;
    for (long seed = 0; seed < 400; seed++) {
      RandomConnectData data = new RandomConnectData(seed);
      Schema schema = data.structSchema(0);
      for (int i = 0; i < 12; i++) {
        byte[] bytes = reference.fromConnectData(TOPIC, schema, data.value(schema));
        assertThat(outcome(converter, bytes))
            .as("seed %d, record %s", seed, new String(bytes, StandardCharsets.UTF_8))
            .isEqualTo(outcome(reference, bytes));
        records++;
      }
    }
    // 400 schemas through a 32-entry list: each schema's first record learns it, and nulls for
    // fields with defaults or optional root structs take the slow path. Most must be fast.
    assertThat(converter.fastReads()).isGreaterThan(records / 2);
    assertThat(converter.learntPrefixes()).isEqualTo(StreamingJsonConverter.PREFIXES);
  }

  @Test
  void aRecordWithAKnownPrefixIsReadOnTheFastPath() {
    JsonConverter reference = jsonConverter(Map.of());
    StreamingJsonConverter converter = streamingConverter(Map.of());
    byte[] first = reference.fromConnectData(TOPIC, EVENT, event("e-1", 3));
    byte[] second = reference.fromConnectData(TOPIC, EVENT, event("e-2", 4));

    SchemaAndValue learnt = converter.toConnectData(TOPIC, first);
    assertThat(converter.fastReads()).isZero();
    SchemaAndValue fast = converter.toConnectData(TOPIC, second);

    assertThat(converter.fastReads()).isEqualTo(1);
    assertThat(fast.schema()).isSameAs(learnt.schema());
    assertThat(fast).isEqualTo(reference.toConnectData(TOPIC, second));
    assertThat(((Struct) fast.value()).getString("event_id")).isEqualTo("e-2");
  }

  @Test
  void fieldsTheSchemaLacksAreIgnoredAndWhitespaceIsAllowed() {
    StreamingJsonConverter converter = streamingConverter(Map.of());
    String schema = "{\"type\":\"struct\",\"fields\":[{\"field\":\"id\",\"type\":\"string\"},"
        + "{\"field\":\"n\",\"type\":\"int64\",\"optional\":true}]}";
    String prefix = "{ \"schema\" : " + schema + " ,\n \"payload\" :\t";
    converter.toConnectData(TOPIC, bytes(prefix + "{\"id\":\"a\",\"n\":1} }"));

    List<String> payloads = List.of(
        "{\"id\":\"b\",\"extra\":{\"deep\":[1,2,{\"x\":null}]},\"n\":2} }",
        "{\"n\":3,\"id\":\"c\"}\n}\n",
        "{\"id\":\"d\"}}");
    JsonConverter reference = jsonConverter(Map.of());
    for (String payload : payloads) {
      byte[] record = bytes(prefix + payload);
      assertThat(outcome(converter, record)).isEqualTo(outcome(reference, record));
    }
    assertThat(converter.fastReads()).isEqualTo(payloads.size());
  }

  /**
   * Input that JsonConverter rejects, or reads in its own lenient way (a number where a string
   * belongs reads as null, 3.5 as an int reads as 3, a too-big int wraps): the fast path steps
   * aside and the result, or the error and its message, is JsonConverter's. A plain record of the
   * same schema is read on the fast path first, so each case really passes through it.
   */
  @ParameterizedTest
  @ValueSource(strings = {
      "{\"id\":5,\"n\":1}}",
      "{\"id\":\"a\",\"n\":3.5}}",
      "{\"id\":\"a\",\"n\":99999999999999999999}}",
      "{\"id\":\"a\",\"n\":\"7\"}}",
      "{\"n\":1}}",
      "{\"id\":null}}",
      "{\"id\":\"a\",\"id\":\"b\"}}",
      "{\"id\":\"a\",\"flag\":1}}",
      "{\"id\":\"a\",\"ratio\":\"NaN\"}}",
      "{\"id\":\"a\",\"ratio\":2}}",
      "{\"id\":\"a\",\"ratio\":-9007199254740993}}",
      "{\"id\":\"a\",\"day\":1.0}}",
      "{\"id\":\"a\",\"when\":17e3}}",
      "{\"id\":\"a\",\"price\":\"not base64!\"}}",
      "{\"id\":\"a\",\"labels\":{\"k\":1,\"k\":2}}}",
      "{\"id\":\"a\",\"labels\":[[\"k\",1]]}}",
      "{\"id\":\"a\",\"codes\":[[1,\"x\"],[2]]}}",
      "{\"id\":\"a\",\"codes\":[[1,\"x\"],[1,\"y\"]]}}",
      "{\"id\":\"a\",\"codes\":{\"1\":\"x\"}}}",
      "[1,2]}",
      "\"text\"}",
      "null}",
      "17}",
      "{\"id\":\"a\"}",
      "{\"id\":\"a\"}},",
      "{\"id\":\"a\"}} {}",
      "{\"id\":\"a\"},\"payload\":{\"id\":\"b\"}}",
      "{\"id\":\"a\"},\"extra\":1}",
      "{\"id\":\"a\"",
      "{\"id\":\"a\\u00\"}}",
  })
  void oddPayloadsGetJsonConverterResultOrError(String payload) {
    String prefix = "{\"schema\":" + ODD_SCHEMA + ",\"payload\":";
    StreamingJsonConverter converter = streamingConverter(Map.of());
    converter.toConnectData(TOPIC, bytes(prefix + "{\"id\":\"learn\"}}"));
    converter.toConnectData(TOPIC, bytes(prefix + "{\"id\":\"plain\",\"n\":1,\"flag\":true,"
        + "\"ratio\":0.5,\"day\":3,\"when\":17,\"price\":1.25,\"labels\":{\"k\":1},"
        + "\"codes\":[[1,\"x\"]]}}"));
    assertThat(converter.fastReads()).as("the plain record of this schema").isEqualTo(1);

    byte[] record = bytes(prefix + payload);
    assertThat(outcome(converter, record)).isEqualTo(outcome(jsonConverter(Map.of()), record));
  }

  /**
   * A field missing or null that has a default: JsonConverter substitutes the default or not by
   * replace.null.with.default; the fast path leaves both to it.
   */
  @ParameterizedTest
  @ValueSource(strings = {"true", "false"})
  void fieldsWithDefaultsGetJsonConvertersTreatment(String replaceNull) {
    Map<String, String> config = Map.of("replace.null.with.default", replaceNull);
    String prefix = "{\"schema\":{\"type\":\"struct\",\"fields\":["
        + "{\"field\":\"id\",\"type\":\"string\"},"
        + "{\"field\":\"dflt\",\"type\":\"int32\",\"optional\":true,\"default\":42}]},"
        + "\"payload\":";
    StreamingJsonConverter converter = streamingConverter(config);
    JsonConverter reference = jsonConverter(config);
    converter.toConnectData(TOPIC, bytes(prefix + "{\"id\":\"learn\",\"dflt\":1}}"));
    for (String payload : List.of("{\"id\":\"a\"}}", "{\"id\":\"b\",\"dflt\":null}}",
        "{\"id\":\"c\",\"dflt\":7}}")) {
      byte[] record = bytes(prefix + payload);
      assertThat(outcome(converter, record)).isEqualTo(outcome(reference, record));
    }
    assertThat(converter.fastReads()).isEqualTo(1);
  }

  /** Every type and logical type, well formed and present: all on the fast path. */
  @Test
  void wellFormedValuesOfEveryTypeAreReadOnTheFastPath() {
    Schema schema = SchemaBuilder.struct().name("io.example.All")
        .field("i8", Schema.INT8_SCHEMA).field("i16", Schema.INT16_SCHEMA)
        .field("i32", Schema.INT32_SCHEMA).field("i64", Schema.INT64_SCHEMA)
        .field("f32", Schema.FLOAT32_SCHEMA).field("f64", Schema.FLOAT64_SCHEMA)
        .field("bool", Schema.BOOLEAN_SCHEMA).field("text", Schema.STRING_SCHEMA)
        .field("raw", Schema.BYTES_SCHEMA).field("dec", Decimal.schema(3))
        .field("day", org.apache.kafka.connect.data.Date.SCHEMA)
        .field("time", org.apache.kafka.connect.data.Time.SCHEMA).field("ts", Timestamp.SCHEMA)
        .field("list", SchemaBuilder.array(Schema.OPTIONAL_INT64_SCHEMA).build())
        .field("labels", SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.FLOAT64_SCHEMA).build())
        .field("codes", SchemaBuilder.map(Schema.INT16_SCHEMA, Schema.STRING_SCHEMA).build())
        .field("device", DEVICE).field("none", Schema.OPTIONAL_STRING_SCHEMA)
        .build();
    Struct value = new Struct(schema)
        .put("i8", (byte) -7).put("i16", (short) 300).put("i32", -70_000).put("i64", 1L << 40)
        .put("f32", 1.5f).put("f64", -2.25e-7).put("bool", true).put("text", "\"ü\\😀\n")
        .put("raw", new byte[] {0, -1, 42}).put("dec", new BigDecimal("-12.345"))
        .put("day", new java.util.Date(19_000 * 86_400_000L))
        .put("time", new java.util.Date(45_296_789)).put("ts", new java.util.Date(1_700_000_000_123L))
        .put("list", Arrays.asList(1L, null, -3L))
        .put("labels", Map.of("a", 0.5, "b", -1.0))
        .put("codes", Map.of((short) 1, "x", (short) -2, "y"))
        .put("device", new Struct(DEVICE).put("os", "ios").put("app_version", "5.1"));
    for (String format : List.of("NUMERIC", "BASE64")) {
      Map<String, String> config = Map.of("decimal.format", format);
      JsonConverter reference = jsonConverter(config);
      StreamingJsonConverter converter = streamingConverter(config);
      byte[] record = reference.fromConnectData(TOPIC, schema, value);
      for (int i = 0; i < 3; i++) {
        assertThat(outcome(converter, record)).isEqualTo(outcome(reference, record));
      }
      assertThat(converter.fastReads()).as(format).isEqualTo(2);
    }
  }

  private static final String ODD_SCHEMA = "{\"type\":\"struct\",\"fields\":["
      + "{\"field\":\"id\",\"type\":\"string\"},"
      + "{\"field\":\"n\",\"type\":\"int32\",\"optional\":true},"
      + "{\"field\":\"flag\",\"type\":\"boolean\",\"optional\":true},"
      + "{\"field\":\"ratio\",\"type\":\"double\",\"optional\":true},"
      + "{\"field\":\"day\",\"type\":\"int32\",\"optional\":true,"
      + "\"name\":\"org.apache.kafka.connect.data.Date\"},"
      + "{\"field\":\"when\",\"type\":\"int64\",\"optional\":true,"
      + "\"name\":\"org.apache.kafka.connect.data.Timestamp\"},"
      + "{\"field\":\"price\",\"type\":\"bytes\",\"optional\":true,"
      + "\"name\":\"org.apache.kafka.connect.data.Decimal\",\"parameters\":{\"scale\":\"2\"}},"
      + "{\"field\":\"labels\",\"type\":\"map\",\"optional\":true,"
      + "\"keys\":{\"type\":\"string\"},\"values\":{\"type\":\"int32\"}},"
      + "{\"field\":\"codes\",\"type\":\"map\",\"optional\":true,"
      + "\"keys\":{\"type\":\"int32\"},\"values\":{\"type\":\"string\"}}"
      + "]}";

  @Test
  void envelopesInAnotherOrderOrWithoutASchemaAreReadByJsonConverter() {
    StreamingJsonConverter converter = streamingConverter(Map.of());
    JsonConverter reference = jsonConverter(Map.of());
    List<byte[]> records = List.of(
        bytes("{\"payload\":\"x\",\"schema\":{\"type\":\"string\"}}"),
        bytes("{\"schema\":null,\"payload\":{\"a\":[1,2.5,\"z\"]}}"),
        bytes("{\"schema\":{\"type\":\"string\"},\"payload\":\"y\"}"),
        bytes("{\"schema\":{\"type\":\"string\"},\"payload\":\"z\"}"),
        bytes("{\"schema\":{\"type\":\"int32\"},\"payload\":5}"),
        bytes("{\"schema\":{\"type\":\"int32\"},\"payload\":6}"),
        bytes("not json"),
        bytes("{\"schema\":{\"type\":\"string\"}}"));
    for (byte[] record : records) {
      assertThat(outcome(converter, record)).isEqualTo(outcome(reference, record));
    }
    // Only the string envelope "z" was on the fast path: a root number ends where the envelope's
    // brace starts, so numbers are left to JsonConverter.
    assertThat(converter.fastReads()).isEqualTo(1);
    assertThat(converter.toConnectData(TOPIC, null)).isEqualTo(SchemaAndValue.NULL);
  }

  @Test
  void withoutSchemasOrWithAFixedSchemaEverythingGoesToJsonConverter() {
    for (Map<String, String> config : List.of(
        Map.of("schemas.enable", "false"),
        Map.of("schema.content", "{\"type\":\"struct\",\"fields\":[{\"field\":\"id\",\"type\":\"string\"}]}"))) {
      StreamingJsonConverter converter = streamingConverter(config);
      JsonConverter reference = jsonConverter(config);
      byte[] record = bytes("{\"id\":\"a\"}");
      for (int i = 0; i < 3; i++) {
        assertThat(outcome(converter, record)).isEqualTo(outcome(reference, record));
      }
      assertThat(converter.fastReads()).isZero();
      assertThat(converter.learntPrefixes()).isZero();
    }
  }

  @Test
  void sixteenSchemasInRotationAreAllReadOnTheFastPath() {
    List<byte[]> records = rotation(16, 20);
    StreamingJsonConverter converter = streamingConverter(Map.of());
    JsonConverter reference = jsonConverter(Map.of());
    for (byte[] record : records) {
      assertThat(outcome(converter, record)).isEqualTo(outcome(reference, record));
    }
    assertThat(converter.learns()).isEqualTo(16);
    assertThat(converter.fastReads()).isEqualTo(records.size() - 16);
  }

  /**
   * Twice as many schemas in rotation as it remembers: every record misses. The results stay
   * JsonConverter's, and learning pauses after one window instead of costing every record a scan.
   */
  @Test
  void moreSchemasInRotationThanItRemembersStopItLearning() {
    List<byte[]> records = rotation(2 * StreamingJsonConverter.PREFIXES, 50);
    StreamingJsonConverter converter = streamingConverter(Map.of());
    JsonConverter reference = jsonConverter(Map.of());
    for (byte[] record : records) {
      assertThat(outcome(converter, record)).isEqualTo(outcome(reference, record));
    }
    assertThat(records).hasSizeGreaterThan(3 * LearningThrottle.WINDOW);
    assertThat(converter.learntPrefixes()).isEqualTo(StreamingJsonConverter.PREFIXES);
    // Every read of the first window but its last learns; the last closes the window first.
    assertThat(converter.learns()).isEqualTo(LearningThrottle.WINDOW - 1);
  }

  /** {@code rounds} records of each of {@code schemas} schemas, the schemas taking turns. */
  private static List<byte[]> rotation(int schemas, int rounds) {
    JsonConverter writer = jsonConverter(Map.of());
    List<byte[]> records = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      for (int i = 0; i < schemas; i++) {
        Schema schema = SchemaBuilder.struct().name("v").version(i + 1)
            .field("id", Schema.STRING_SCHEMA).build();
        records.add(writer.fromConnectData(TOPIC, schema, new Struct(schema).put("id", "r" + round)));
      }
    }
    return records;
  }

  @Test
  void writesAndHeadersAreJsonConverters() {
    JsonConverter reference = jsonConverter(Map.of());
    StreamingJsonConverter converter = streamingConverter(Map.of());
    Struct value = event("e-9", 1);
    assertThat(converter.fromConnectData(TOPIC, EVENT, value))
        .isEqualTo(reference.fromConnectData(TOPIC, EVENT, value));
    byte[] header = converter.fromConnectHeader(TOPIC, "h", EVENT, value);
    assertThat(header).isEqualTo(reference.fromConnectHeader(TOPIC, "h", EVENT, value));
    assertThat(converter.toConnectHeader(TOPIC, "h", header).value()).isEqualTo(value);
    assertThat(converter.config().names()).isEqualTo(reference.config().names());
  }

  @Test
  void worksAsAKeyConverter() {
    JsonConverter reference = new JsonConverter();
    reference.configure(Map.of(), true);
    StreamingJsonConverter converter = new StreamingJsonConverter();
    converter.configure(Map.of(), true);
    for (String key : List.of("k-1", "k-2", "k-3")) {
      byte[] record = reference.fromConnectData(TOPIC, Schema.STRING_SCHEMA, key);
      assertThat(converter.toConnectData(TOPIC, record).value()).isEqualTo(key);
    }
    assertThat(converter.fastReads()).isEqualTo(2);
  }

  private static Struct event(String id, int quantity) {
    return new Struct(EVENT)
        .put("event_id", id)
        .put("quantity", quantity)
        .put("amount", new BigDecimal("12.30"))
        .put("score", 0.25)
        .put("event_time", new java.util.Date(1_700_000_000_123L))
        .put("tags", List.of("a", "b"))
        .put("device", new Struct(DEVICE).put("os", "ios").put("app_version", "5.1"));
  }

  /** What a converter made of the bytes: the schema and a comparable value, or the error. */
  private static Object outcome(Converter converter, byte[] bytes) {
    try {
      SchemaAndValue decoded = converter.toConnectData(TOPIC, bytes);
      return new Decoded(decoded.schema(), ConnectValues.comparable(decoded.value()));
    } catch (RuntimeException e) {
      return e.getClass().getName() + ": " + e.getMessage();
    }
  }

  /** A decoded record; equal when schema and value are equal, nulls included. */
  private record Decoded(Schema schema, Object value) {}

  private static JsonConverter jsonConverter(Map<String, String> config) {
    JsonConverter converter = new JsonConverter();
    converter.configure(config, false);
    return converter;
  }

  private static StreamingJsonConverter streamingConverter(Map<String, String> config) {
    StreamingJsonConverter converter = new StreamingJsonConverter();
    converter.configure(config, false);
    return converter;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
