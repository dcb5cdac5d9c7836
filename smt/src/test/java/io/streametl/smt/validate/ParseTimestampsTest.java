package io.streametl.smt.validate;

import static io.streametl.smt.failure.ErrorTopicFixture.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streametl.common.fieldpath.FieldPath;
import io.streametl.smt.RecordSide;
import io.streametl.smt.failure.ErrorTopicFixture;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ParseTimestampsTest {

  private static final Instant EXPECTED = Instant.parse("2026-11-21T17:00:00Z");
  private static final Schema DEVICE = SchemaBuilder.struct().optional()
      .field("os", Schema.STRING_SCHEMA)
      .field("seen_at", Schema.OPTIONAL_STRING_SCHEMA)
      .build();
  private static final Schema EVENT = SchemaBuilder.struct().name("TextTimes")
      .field("event_id", Schema.STRING_SCHEMA)
      .field("event_time", Schema.STRING_SCHEMA)
      .field("device", DEVICE)
      .build();
  private static final Map<String, String> BOTH_FIELDS =
      Map.of("fields", "event_time,device.seen_at", "formats", "iso8601,yyyy-MM-dd HH:mm:ss",
          "timezone", "Europe/Berlin");

  private final ErrorTopicFixture errors = ErrorTopicFixture.acknowledging();
  private ParseTimestamps<SinkRecord> transform;

  @AfterEach
  void close() {
    if (transform != null) {
      transform.close();
    }
  }

  private ParseTimestamps<SinkRecord> configured(RecordSide side, Map<String, String> props) {
    transform = side.pick(
        () -> new ParseTimestamps.Key<>(errors.factory()),
        () -> new ParseTimestamps.Value<>(errors.factory()));
    transform.configure(props);
    return transform;
  }

  private static Struct struct(String eventTime, String seenAt) {
    return new Struct(EVENT).put("event_id", "e-1").put("event_time", eventTime)
        .put("device", new Struct(DEVICE).put("os", "ios").put("seen_at", seenAt));
  }

  private static Map<String, Object> map(Object eventTime, Object seenAt) {
    Map<String, Object> device = new HashMap<>();
    device.put("os", "ios");
    device.put("seen_at", seenAt);
    Map<String, Object> event = new HashMap<>();
    event.put("event_id", "e-1");
    event.put("event_time", eventTime);
    event.put("device", device);
    return event;
  }

  private Object parsedOnce(String format, Object value) {
    Map<String, String> props = Map.of("fields", "t", "formats", format, "timezone", "+01:00");
    Map<String, Object> event = new HashMap<>();
    event.put("t", value);
    Object result = configured(RecordSide.VALUE, props).apply(RecordSide.VALUE.sinkRecord(null, event)).value();
    return ((Map<?, ?>) result).get("t");
  }

  @ParameterizedTest(name = "{0} reads {1}")
  @CsvSource(delimiter = '|', value = {
    "iso8601|2026-11-21T17:00:00Z",
    "iso8601|2026-11-21T18:00:00+01:00",
    "iso8601|2026-11-21T18:00:00",
    "iso8601|2026-11-21T18:00+01:00[Europe/Paris]",
    "rfc1123|Sat, 21 Nov 2026 17:00:00 GMT",
    "yyyy-MM-dd HH:mm:ss|2026-11-21 18:00:00",
    "dd.MM.yyyy HH:mm XXX|21.11.2026 17:00 Z",
    "epoch.seconds|1795280400",
    "epoch.millis|1795280400000",
    "epoch.micros|1795280400000000"})
  void readsEveryFormatInTheConfiguredZone(String format, String text) {
    assertThat(parsedOnce(format, text)).isEqualTo(Date.from(EXPECTED));
  }

  @Test
  void readsDatesAsTheStartOfTheDayInTheZone() {
    assertThat(parsedOnce("yyyy-MM-dd", "2026-11-21"))
        .isEqualTo(Date.from(Instant.parse("2026-11-20T23:00:00Z")));
  }

  @Test
  void readsEpochNumbersAndCutsOffBelowMilliseconds() {
    assertThat(parsedOnce("epoch.seconds", 1_795_280_400L)).isEqualTo(Date.from(EXPECTED));
    assertThat(parsedOnce("epoch.seconds", new BigDecimal("1795280400.1239")))
        .isEqualTo(Date.from(EXPECTED.plusMillis(123)));
    assertThat(parsedOnce("epoch.seconds", "1795280400.5")).isEqualTo(Date.from(EXPECTED.plusMillis(500)));
    assertThat(parsedOnce("epoch.micros", 1_795_280_400_000_999L)).isEqualTo(Date.from(EXPECTED));
    assertThat(parsedOnce("epoch.millis", 1_795_280_400_000.0)).isEqualTo(Date.from(EXPECTED));
  }

  @Test
  void triesFormatsInOrder() {
    Map<String, String> props = Map.of("fields", "t", "formats", "iso8601,epoch.millis");
    ParseTimestamps<SinkRecord> parser = configured(RecordSide.VALUE, props);

    Object iso = ((Map<?, ?>) parser.apply(RecordSide.VALUE.sinkRecord(null,
        new HashMap<>(Map.of("t", "2026-11-21T17:00:00Z")))).value()).get("t");
    Object epoch = ((Map<?, ?>) parser.apply(RecordSide.VALUE.sinkRecord(null,
        new HashMap<>(Map.of("t", "1795280400000")))).value()).get("t");

    assertThat(iso).isEqualTo(epoch).isEqualTo(Date.from(EXPECTED));
  }

  @ParameterizedTest
  @EnumSource(RecordSide.class)
  void turnsStructFieldsIntoOptionalTimestampsIncludingNestedOnes(RecordSide side) {
    SinkRecord record = side.sinkRecord(EVENT, struct("2026-11-21T18:00:00", "2026-11-21 18:00:00"));

    SinkRecord result = configured(side, BOTH_FIELDS).apply(record);

    Struct value = (Struct) side.data(result);
    Schema schema = side.schema(result);
    assertThat(value.get("event_time")).isEqualTo(Date.from(EXPECTED));
    assertThat(value.getStruct("device").get("seen_at")).isEqualTo(Date.from(EXPECTED));
    assertThat(value.getStruct("device").get("os")).isEqualTo("ios");
    assertThat(schema.field("event_time").schema()).isEqualTo(Timestamp.builder().optional().build());
    assertThat(schema.field("device").schema().field("seen_at").schema().name()).isEqualTo(Timestamp.LOGICAL_NAME);
    assertThat(schema.name()).isEqualTo("TextTimes");
    value.validate();
    assertThat(side.otherData(result)).isEqualTo(RecordSide.OTHER_SIDE);
  }

  @ParameterizedTest
  @EnumSource(RecordSide.class)
  void derivesEachSchemaOnce(RecordSide side) {
    ParseTimestamps<SinkRecord> parser = configured(side, BOTH_FIELDS);

    Schema first = side.schema(parser.apply(side.sinkRecord(EVENT, struct("2026-11-21T18:00:00", null))));
    Schema second = side.schema(parser.apply(side.sinkRecord(EVENT, struct("2026-11-22T18:00:00", "2026-11-21 18:00:00"))));

    assertThat(second).isSameAs(first);
  }

  @ParameterizedTest
  @EnumSource(RecordSide.class)
  void leavesNullAndAbsentFieldsAlone(RecordSide side) {
    Struct withNullDevice = struct("2026-11-21T18:00:00", null).put("device", null);

    Struct result = (Struct) side.data(configured(side, BOTH_FIELDS)
        .apply(side.sinkRecord(EVENT, withNullDevice)));
    Map<?, ?> mapResult = (Map<?, ?>) side.data(transform.apply(side.sinkRecord(null,
        new HashMap<>(Map.of("event_time", "2026-11-21T18:00:00")))));

    assertThat(result.get("device")).isNull();
    assertThat(mapResult.containsKey("device")).isFalse();
    assertThat(mapResult.get("event_time")).isEqualTo(Date.from(EXPECTED));
  }

  @ParameterizedTest
  @EnumSource(RecordSide.class)
  void writesTheChosenOutputIntoMaps(RecordSide side) {
    Map<String, String> iso = new HashMap<>(BOTH_FIELDS);
    iso.put("output", "iso8601");
    Map<String, String> millis = new HashMap<>(BOTH_FIELDS);
    millis.put("output", "epoch.millis");
    SinkRecord record = side.sinkRecord(null, map("2026-11-21T17:00:00Z", "2026-11-21 18:00:00"));

    Map<?, ?> isoValue = (Map<?, ?>) side.data(configured(side, iso).apply(record));
    Map<?, ?> millisValue = (Map<?, ?>) side.data(configured(side, millis).apply(record));

    assertThat(isoValue.get("event_time")).isEqualTo("2026-11-21T18:00:00+01:00");
    assertThat(FieldPath.parse("device.seen_at").lookup(isoValue).value()).isEqualTo("2026-11-21T18:00:00+01:00");
    assertThat(millisValue.get("event_time")).isEqualTo(EXPECTED.toEpochMilli());
    assertThat(side.schema(configured(side, millis).apply(side.sinkRecord(EVENT,
        struct("2026-11-21T17:00:00Z", null)))).field("event_time").schema())
        .isEqualTo(Schema.OPTIONAL_INT64_SCHEMA);
  }

  @ParameterizedTest
  @EnumSource(RecordSide.class)
  void failNamesTheFieldAndTheFormatsButNotTheValue(RecordSide side) {
    SinkRecord record = side.sinkRecord(EVENT, struct("21 Nov, 17h", "yesterday"));

    assertThatThrownBy(() -> configured(side, BOTH_FIELDS).apply(record))
        .isInstanceOf(DataException.class)
        .hasMessage("ParseTimestamps: record " + side.word() + " failed 2 rules: field"
            + " 'event_time' is a string that none of the formats iso8601, yyyy-MM-dd HH:mm:ss"
            + " reads; field 'device.seen_at' is a string that none of the formats iso8601,"
            + " yyyy-MM-dd HH:mm:ss reads")
        .hasMessageNotContaining("yesterday");
  }

  @ParameterizedTest
  @EnumSource(RecordSide.class)
  void rejectsValuesThatCannotBeTimestamps(RecordSide side) {
    SinkRecord record = side.sinkRecord(null, map(true, List.of()));

    assertThatThrownBy(() -> configured(side, BOTH_FIELDS).apply(record))
        .hasMessageContaining("field 'event_time' must be a timestamp as text or a number but is a boolean")
        .hasMessageContaining("field 'device.seen_at' must be a timestamp as text or a number but is an array");
  }

  @ParameterizedTest
  @EnumSource(RecordSide.class)
  void errorTopicAndDropPoliciesApplyToUnparsableValues(RecordSide side) {
    SinkRecord record = side.sinkRecord(null, map("soon", null));

    SinkRecord routed = configured(side, ErrorTopicFixture.errorTopicPolicy(BOTH_FIELDS)).apply(record);
    ParseTimestamps<SinkRecord> dropping = configured(side, ErrorTopicFixture.policy(BOTH_FIELDS, "drop"));
    SinkRecord dropped = dropping.apply(record);

    assertThat(routed).isNull();
    assertThat(errors.sent()).singleElement().satisfies(sent ->
        assertThat(header(sent, "streametl.error.reason")).contains("field 'event_time' is a string"));
    assertThat(dropped).isNull();
    assertThat(dropping.droppedCount()).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(delimiter = '|', value = {
    "formats|epoch.millis,epoch.seconds|give one epoch unit",
    "formats|yyyy-MM-dd qqqqqq|nor a valid java.time pattern",
    "timezone|Mars/Olympus|unknown time zone 'Mars/Olympus'",
    "output|date|unknown timestamp output 'date'; use one of: timestamp, iso8601, epoch.millis"})
  void validationAndConfigureRejectTheSameValue(String key, String value, String expected) {
    Map<String, String> props = new HashMap<>(Map.of("fields", "t"));
    props.put(key, value);

    assertThat(ParseTimestamps.CONFIG_DEF.validate(props).stream()
        .filter(v -> v.name().equals(key)).findFirst().orElseThrow().errorMessages())
        .singleElement().asString().contains(expected);
    assertThatThrownBy(() -> new ParseTimestamps.Value<>().configure(props))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(expected);
  }
}
