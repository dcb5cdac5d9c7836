package io.streametl.smt.validate;

import static io.streametl.smt.failure.ErrorTopicFixture.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streametl.smt.RecordSide;
import io.streametl.smt.SubscriptionEvents;
import io.streametl.smt.failure.ErrorTopicFixture;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ValidateJsonSchemaTest {

  private static final String PREFIX_ITEMS =
      "{\"properties\": {\"tags\": {\"prefixItems\": [{\"type\": \"string\"}]}}}";
  private static final String PREFIX_ITEMS_DRAFT_7 =
      "{\"$schema\": \"http://json-schema.org/draft-07/schema#\","
          + " \"properties\": {\"tags\": {\"prefixItems\": [{\"type\": \"string\"}]}}}";

  private final ErrorTopicFixture errors = ErrorTopicFixture.acknowledging();
  private ValidateJsonSchema<SinkRecord> transform;

  @AfterEach
  void close() {
    if (transform != null) {
      transform.close();
    }
  }

  static String schemaFile() {
    try {
      return Path.of(ValidateJsonSchemaTest.class.getResource("/schemas/subscription-event.schema.json")
          .toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> fromFile() {
    return Map.of("schema.file", schemaFile());
  }

  private ValidateJsonSchema<SinkRecord> configured(RecordSide side, Map<String, String> props) {
    transform = side.pick(
        () -> new ValidateJsonSchema.Key<>(errors.factory()),
        () -> new ValidateJsonSchema.Value<>(errors.factory()));
    transform.configure(props);
    return transform;
  }

  @ParameterizedTest
  @EnumSource(RecordSide.class)
  void passesValidStructsWithDecimalsTimestampsAndRefs(RecordSide side) {
    SinkRecord record = side.sinkRecord(SubscriptionEvents.EVENT, SubscriptionEvents.struct());

    assertThat(configured(side, fromFile()).apply(record)).isSameAs(record);
  }

  @ParameterizedTest
  @EnumSource(RecordSide.class)
  void passesValidMaps(RecordSide side) {
    SinkRecord record = side.sinkRecord(null, SubscriptionEvents.map());

    assertThat(configured(side, fromFile()).apply(record)).isSameAs(record);
  }

  @ParameterizedTest
  @EnumSource(RecordSide.class)
  @SuppressWarnings("unchecked")
  void failNamesPointerRuleAndSchemaLocationButNoData(RecordSide side) {
    Map<String, Object> event = SubscriptionEvents.map();
    event.remove("user_id");
    event.put("amount", "12,50 EUR");
    event.put("event_time", "yesterday at noon");
    ((Map<String, Object>) event.get("device")).put("os", "amiga");

    assertThatThrownBy(() -> configured(side, fromFile()).apply(side.sinkRecord(null, event)))
        .isInstanceOf(DataException.class)
        .hasMessageStartingWith("ValidateJsonSchema: record " + side.word() + " failed 4 rules: ")
        .hasMessageContaining("at the root: required property 'user_id' not found (#/required)")
        .hasMessageContaining("at '/amount': string found, number expected"
            + " (#/properties/amount/type)")
        .hasMessageContaining("at '/event_time': does not match the date-time pattern")
        .hasMessageContaining("at '/device/os': does not have a value in the enumeration"
            + " [\"ios\", \"android\", \"web\"] (#/$defs/os/enum)")
        .hasMessageNotContaining("12,50")
        .hasMessageNotContaining("yesterday")
        .hasMessageNotContaining("amiga");
  }

  @ParameterizedTest
  @EnumSource(RecordSide.class)
  void failsAStructWhoseSchemaLetsANullThrough(RecordSide side) {
    Struct event = SubscriptionEvents.struct().put("amount", null);

    assertThatThrownBy(() -> configured(side, fromFile())
            .apply(side.sinkRecord(SubscriptionEvents.EVENT, event)))
        .hasMessageEndingWith("failed 1 rule: at '/amount': null found, number expected"
            + " (#/properties/amount/type)");
  }

  @ParameterizedTest
  @EnumSource(RecordSide.class)
  void validatesValuesThatAreNeitherStructNorMap(RecordSide side) {
    SinkRecord unparsed = side.sinkRecord(Schema.STRING_SCHEMA, "{\"event_id\": \"e-1\", \"us");

    assertThatThrownBy(() -> configured(side, fromFile()).apply(unparsed))
        .isInstanceOf(DataException.class)
        .hasMessageEndingWith("failed 1 rule: at the root: string found, object expected (#/type)");
  }

  @Test
  void readsTheDraftFromTheSchemaOrTheConfig() {
    // prefixItems is a 2020-12 keyword: draft 7 ignores it.
    SinkRecord record = RecordSide.VALUE.sinkRecord(null, new HashMap<>(Map.of("tags", List.of(1))));

    assertThatThrownBy(() -> configured(RecordSide.VALUE, Map.of("schema.inline", PREFIX_ITEMS)).apply(record))
        .hasMessageContaining("at '/tags/0': integer found, string expected");
    assertThat(configured(RecordSide.VALUE, Map.of("schema.inline", PREFIX_ITEMS, "schema.draft", "7"))
        .apply(record)).isSameAs(record);
    assertThat(configured(RecordSide.VALUE, Map.of("schema.inline", PREFIX_ITEMS_DRAFT_7)).apply(record))
        .isSameAs(record);
  }

  @Test
  void checksFormatsUnlessTurnedOff() {
    String schema = "{\"properties\": {\"event_time\": {\"format\": \"date-time\"}}}";
    SinkRecord record = RecordSide.VALUE.sinkRecord(null, new HashMap<>(Map.of("event_time", "noon")));

    ValidateJsonSchema<SinkRecord> checking = configured(RecordSide.VALUE, Map.of("schema.inline", schema));
    assertThatThrownBy(() -> checking.apply(record)).hasMessageContaining("date-time");
    assertThat(configured(RecordSide.VALUE, Map.of("schema.inline", schema,
        "schema.format.assertions", "false")).apply(record)).isSameAs(record);
  }

  @Test
  void presentsTimestampsAsEpochMillisWhenAsked() {
    String schema = "{\"properties\": {\"event_time\": {\"type\": \"integer\"}}}";
    SinkRecord record = RecordSide.VALUE.sinkRecord(SubscriptionEvents.EVENT, SubscriptionEvents.struct());

    assertThat(configured(RecordSide.VALUE, Map.of("schema.inline", schema,
        "timestamp.format", "epoch.millis")).apply(record)).isSameAs(record);
    ValidateJsonSchema<SinkRecord> iso = configured(RecordSide.VALUE, Map.of("schema.inline", schema));
    assertThatThrownBy(() -> iso.apply(record)).hasMessageContaining("string found, integer expected");
  }

  @Test
  void listsAtMostTwentyReasons() {
    String schema = "{\"additionalProperties\": {\"type\": \"string\"}}";
    Map<String, Object> numbers = IntStream.range(0, 25).boxed()
        .collect(Collectors.toMap(i -> "f" + i, i -> (Object) i));

    assertThatThrownBy(() -> configured(RecordSide.VALUE, Map.of("schema.inline", schema))
            .apply(RecordSide.VALUE.sinkRecord(null, numbers)))
        .hasMessageContaining("failed 21 rules")
        .hasMessageEndingWith("; and 5 more");
  }

  @ParameterizedTest
  @EnumSource(RecordSide.class)
  void errorTopicGetsTheRecordAndTheReasons(RecordSide side) {
    Map<String, Object> event = SubscriptionEvents.map();
    event.put("amount", -1);

    SinkRecord result = configured(side, ErrorTopicFixture.errorTopicPolicy(fromFile()))
        .apply(side.sinkRecord(null, event));

    assertThat(result).isNull();
    assertThat(errors.sent()).singleElement().satisfies(sent -> {
      assertThat(header(sent, "streametl.error.reason"))
          .isEqualTo("at '/amount': must have a minimum value of 0 (#/properties/amount/minimum)");
      assertThat(header(sent, "streametl.error.transform")).endsWith("ValidateJsonSchema$" + (side == RecordSide.KEY ? "Key" : "Value"));
      assertThat(ErrorTopicFixture.text(side == RecordSide.KEY ? sent.key() : sent.value()))
          .contains("\"amount\":-1");
    });
  }

  @ParameterizedTest
  @EnumSource(RecordSide.class)
  void dropCountsDroppedRecords(RecordSide side) {
    ValidateJsonSchema<SinkRecord> dropping = configured(side, ErrorTopicFixture.policy(fromFile(), "drop"));

    assertThat(dropping.apply(side.sinkRecord(null, Map.of("event_id", "x")))).isNull();
    assertThat(dropping.droppedCount()).isEqualTo(1);
  }

  @Test
  void tombstonesPassUnlessConfigured() {
    SinkRecord tombstone = RecordSide.VALUE.sinkRecord(null, null);
    Map<String, String> failing = new HashMap<>(fromFile());
    failing.put("on.tombstone", "fail");

    assertThat(configured(RecordSide.VALUE, fromFile()).apply(tombstone)).isSameAs(tombstone);
    assertThatThrownBy(() -> configured(RecordSide.VALUE, failing).apply(tombstone))
        .hasMessageContaining("record value is null (a tombstone)");
  }

  @Test
  void needsExactlyOneSchemaSource() {
    assertThatThrownBy(() -> new ValidateJsonSchema.Value<>().configure(Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("ValidateJsonSchema needs exactly one schema: set schema.file or schema.inline");
    assertThatThrownBy(() -> new ValidateJsonSchema.Value<>().configure(
            Map.of("schema.file", schemaFile(), "schema.inline", "{}")))
        .hasMessageEndingWith("not both");
  }

  @Test
  void rejectsBrokenSchemasAtValidationAndConfiguration() {
    Map<String, String> notJson = Map.of("schema.inline", "{\"type\": ");
    Map<String, String> badRef = Map.of("schema.inline", "{\"$ref\": \"#/$defs/missing\"}");

    assertThat(ValidateJsonSchema.CONFIG_DEF.validate(notJson).stream()
        .filter(v -> v.name().equals("schema.inline")).findFirst().orElseThrow().errorMessages())
        .singleElement().asString().contains("is not valid JSON");
    assertThatThrownBy(() -> new ValidateJsonSchema.Value<>().configure(notJson))
        .isInstanceOf(ConfigException.class).hasMessageContaining("is not valid JSON");
    assertThatThrownBy(() -> new ValidateJsonSchema.Value<>().configure(badRef))
        .isInstanceOf(ConfigException.class).hasMessageContaining("not a valid schema");
  }

  @Test
  void namesAFileItCannotRead(@TempDir Path dir) throws IOException {
    Path empty = Files.writeString(dir.resolve("s.json"), "[1]", StandardCharsets.UTF_8);

    assertThatThrownBy(() -> new ValidateJsonSchema.Value<>().configure(
            Map.of("schema.file", dir.resolve("missing.json").toString())))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("cannot read the JSON Schema file");
    assertThatThrownBy(() -> new ValidateJsonSchema.Value<>().configure(
            Map.of("schema.file", empty.toString())))
        .hasMessageContaining("must be a JSON object");
  }

  @Test
  void validatesEveryElementOfAList() {
    String schema = "{\"properties\": {\"tags\": {\"items\": {\"type\": \"string\"}}}}";
    SinkRecord record = RecordSide.VALUE.sinkRecord(null, new HashMap<>(Map.of("tags", List.of("a", 2))));

    assertThatThrownBy(() -> configured(RecordSide.VALUE, Map.of("schema.inline", schema)).apply(record))
        .hasMessageContaining("at '/tags/1': integer found, string expected");
  }
}
