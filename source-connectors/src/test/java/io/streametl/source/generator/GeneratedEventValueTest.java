package io.streametl.source.generator;

import static io.streametl.source.generator.SubscriptionEventFields.AMOUNT;
import static io.streametl.source.generator.SubscriptionEventFields.DEVICE;
import static io.streametl.source.generator.SubscriptionEventFields.EVENT_ID;
import static io.streametl.source.generator.SubscriptionEventFields.EVENT_TIME;
import static io.streametl.source.generator.TestConfigs.START_MS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

/** How each kind of record looks in each output format. */
class GeneratedEventValueTest {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private static final SubscriptionEventFactory FACTORY =
      new SubscriptionEventFactory(new GeneratorSettings(7, START_MS, 0, 0, 0.1, 0.6, 600_000));

  private static List<GeneratedEvent> firstOfKind(EventKind kind, int count) {
    return LongStream.range(0, 100_000)
        .mapToObj(FACTORY::eventAt)
        .filter(e -> e.kind() == kind)
        .limit(count)
        .toList();
  }

  private static GeneratedEvent firstOfKind(EventKind kind) {
    return firstOfKind(kind, 1).get(0);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(GeneratedEvent event) {
    RecordValue value = event.value(OutputFormat.MAP);
    assertThat(value.schema()).isNull();
    return (Map<String, Object>) value.value();
  }

  private static JsonNode json(GeneratedEvent event) throws JsonProcessingException {
    RecordValue value = event.value(OutputFormat.JSON);
    assertThat(value.schema()).isEqualTo(Schema.BYTES_SCHEMA);
    return JSON.readTree(new String((byte[]) value.value(), StandardCharsets.UTF_8));
  }

  @Test
  void aValidStructUsesTheNamedSchemaWithEveryFieldRequired() {
    GeneratedEvent event = firstOfKind(EventKind.VALID);
    RecordValue value = event.value(OutputFormat.STRUCT);
    Struct struct = (Struct) value.value();

    assertThat(value.schema()).isSameAs(SubscriptionEventSchemas.VALUE);
    assertThat(value.schema().name()).isEqualTo("io.streametl.events.SubscriptionEvent");
    assertThat(value.schema().fields()).noneMatch(f -> f.schema().isOptional());
    struct.validate();
    assertThat(struct.getString(EVENT_ID)).isEqualTo(event.eventId());
    assertThat((BigDecimal) struct.get(AMOUNT)).isEqualTo(event.event().amount());
    assertThat(((BigDecimal) struct.get(AMOUNT)).scale()).isEqualTo(2);
    assertThat((Date) struct.get(EVENT_TIME)).isEqualTo(Date.from(event.eventTime()));
    assertThat(struct.getStruct(DEVICE).getString("os")).isEqualTo(event.event().device().os());
  }

  @Test
  void aValidMapHasADoubleAmountAndAnIsoEventTime() {
    GeneratedEvent event = new SubscriptionEventFactory(GeneratorSettings.clean(7, START_MS)).eventAt(0);
    Map<String, Object> map = map(event);

    assertThat(event.kind()).isEqualTo(EventKind.VALID);
    assertThat(map.get(AMOUNT)).isEqualTo(event.event().amount().doubleValue());
    // Position 0 at rate 0 is exactly the start: the zero milliseconds must still be written.
    assertThat(map.get(EVENT_TIME)).isEqualTo("2026-11-21T10:00:00.000Z");
    assertThat(map.get(DEVICE)).isEqualTo(
        Map.of("os", event.event().device().os(), "app_version", event.event().device().appVersion()));
    assertThat(map).containsKeys(SubscriptionEventSchemas.VALUE.fields().stream().map(Field::name).toArray(String[]::new));
  }

  @Test
  void validJsonHasTheMapsFieldsWithAnExactDecimalAmount() throws Exception {
    GeneratedEvent event = firstOfKind(EventKind.VALID);
    JsonNode json = json(event);

    assertThat(json.get(EVENT_ID).asText()).isEqualTo(event.eventId());
    assertThat(json.get(AMOUNT).isNumber()).isTrue();
    // The tree model strips trailing zeros, so check the scale in the raw text.
    assertThat(new String((byte[]) event.value(OutputFormat.JSON).value(), StandardCharsets.UTF_8))
        .contains("\"amount\":" + event.event().amount().toPlainString() + ",");
    assertThat(json.get(AMOUNT).decimalValue()).isEqualByComparingTo(event.event().amount());
    assertThat(json.get(EVENT_TIME).asText()).isEqualTo(map(event).get(EVENT_TIME));
    assertThat(json.get(DEVICE).get("app_version").asText()).isEqualTo(event.event().device().appVersion());
  }

  @Test
  void aMissingFieldIsOptionalAndNullInStructAndAbsentFromMapAndJson() throws Exception {
    Set<String> missingSeen = new HashSet<>();
    for (GeneratedEvent event : firstOfKind(EventKind.INVALID_MISSING_FIELD, 60)) {
      String missing = event.missingField().orElseThrow();
      missingSeen.add(missing);

      RecordValue value = event.value(OutputFormat.STRUCT);
      Struct struct = (Struct) value.value();
      assertThat(value.schema()).isSameAs(SubscriptionEventSchemas.missingField(missing));
      assertThat(value.schema().name()).isEqualTo(SubscriptionEventSchemas.VALUE_NAME);
      assertThat(value.schema().field(missing).schema().isOptional()).isTrue();
      assertThat(struct.get(missing)).isNull();
      struct.validate();
      assertThat(struct.getString(EVENT_ID)).isEqualTo(event.eventId());

      assertThat(map(event)).doesNotContainKey(missing).containsKey(EVENT_ID);
      assertThat(json(event).has(missing)).isFalse();
    }
    assertThat(missingSeen).containsExactlyInAnyOrderElementsOf(SubscriptionEventSchemas.MISSABLE_FIELDS);
  }

  @Test
  void aWrongTypeAmountIsALocalisedStringInEveryFormat() throws Exception {
    GeneratedEvent event = firstOfKind(EventKind.INVALID_WRONG_TYPE);
    String expected =
        event.event().amount().toPlainString().replace('.', ',') + " " + event.event().currency();

    RecordValue value = event.value(OutputFormat.STRUCT);
    assertThat(value.schema()).isSameAs(SubscriptionEventSchemas.WRONG_TYPE_AMOUNT);
    assertThat(value.schema().field(AMOUNT).schema().type()).isEqualTo(Schema.Type.STRING);
    assertThat(((Struct) value.value()).getString(AMOUNT)).isEqualTo(expected).matches("\\d+,\\d{2} [A-Z]{3}");
    assertThat(map(event).get(AMOUNT)).isEqualTo(expected);
    assertThat(json(event).get(AMOUNT).isTextual()).isTrue();
    assertThat(json(event).get(AMOUNT).asText()).isEqualTo(expected);
  }

  @Test
  void anUnparseableRecordIsTruncatedJsonInEveryFormat() {
    for (GeneratedEvent event : firstOfKind(EventKind.UNPARSEABLE, 50)) {
      RecordValue struct = event.value(OutputFormat.STRUCT);
      RecordValue map = event.value(OutputFormat.MAP);
      byte[] json = (byte[]) event.value(OutputFormat.JSON).value();
      String text = (String) struct.value();

      assertThat(struct.schema()).isEqualTo(Schema.STRING_SCHEMA);
      assertThat(map).isEqualTo(struct);
      assertThat(new String(json, StandardCharsets.UTF_8)).isEqualTo(text);
      assertThat(text).startsWith("{\"event_id\":");
      assertThat(JsonValueEncoder.completeText(event.event())).startsWith(text).isNotEqualTo(text);
      assertThatThrownBy(() -> JSON.readTree(text)).isInstanceOf(JsonProcessingException.class);
      assertThat(event.eventId()).isNotBlank();
    }
  }

  @Test
  void everyInvalidKindShowsUpAndIsKeyedByAnEventId() {
    for (EventKind kind : List.of(EventKind.INVALID_MISSING_FIELD, EventKind.INVALID_WRONG_TYPE, EventKind.UNPARSEABLE)) {
      GeneratedEvent event = firstOfKind(kind);
      assertThat(event.isValid()).isFalse();
      assertThat(event.eventId()).matches("[0-9a-f-]{36}");
    }
  }

  @Test
  void jsonValuesCompareByContent() {
    GeneratedEvent event = FACTORY.eventAt(3);

    assertThat(event.value(OutputFormat.JSON)).isEqualTo(event.value(OutputFormat.JSON));
    assertThat(event.value(OutputFormat.JSON).hashCode()).isEqualTo(event.value(OutputFormat.JSON).hashCode());
    assertThat(event.value(OutputFormat.JSON)).isNotEqualTo(FACTORY.eventAt(4).value(OutputFormat.JSON));
  }
}
