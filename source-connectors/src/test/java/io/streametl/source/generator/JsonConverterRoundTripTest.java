package io.streametl.source.generator;

import static io.streametl.source.generator.TestConfigs.START_MS;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.json.JsonConverter;
import org.junit.jupiter.api.Test;

/** The struct and map formats survive Kafka's JsonConverter, as users will run them. */
class JsonConverterRoundTripTest {

  private static final String TOPIC = "events";
  private static final SubscriptionEventFactory FACTORY =
      new SubscriptionEventFactory(new GeneratorSettings(7, START_MS, 0, 0.1, 0.1, 0.3, 600_000));

  private static JsonConverter converter(boolean schemasEnabled) {
    JsonConverter converter = new JsonConverter();
    converter.configure(
        Map.of("schemas.enable", Boolean.toString(schemasEnabled), "decimal.format", "NUMERIC"),
        false);
    return converter;
  }

  @Test
  void structsRoundTripWithSchemasEnabledAndNumericDecimals() {
    JsonConverter converter = converter(true);
    Set<EventKind> kindsSeen = EnumSet.noneOf(EventKind.class);
    for (long p = 0; p < 2_000; p++) {
      GeneratedEvent event = FACTORY.eventAt(p);
      kindsSeen.add(event.kind());
      RecordValue value = event.value(OutputFormat.STRUCT);

      byte[] bytes = converter.fromConnectData(TOPIC, value.schema(), value.value());
      SchemaAndValue back = converter.toConnectData(TOPIC, bytes);

      assertThat(back.schema()).as("schema at position %d", p).isEqualTo(value.schema());
      assertThat(back.value()).as("value at position %d", p).isEqualTo(value.value());
    }
    assertThat(kindsSeen).containsAll(EnumSet.allOf(EventKind.class));
  }

  @Test
  void decimalAmountsAreWrittenAsJsonNumbers() {
    GeneratedEvent event =
        LongStream.range(0, 1_000).mapToObj(FACTORY::eventAt)
            .filter(e -> e.kind() == EventKind.VALID && e.event().amount().signum() > 0)
            .findFirst().orElseThrow();
    RecordValue value = event.value(OutputFormat.STRUCT);

    String json =
        new String(converter(true).fromConnectData(TOPIC, value.schema(), value.value()), StandardCharsets.UTF_8);

    assertThat(json).contains("\"amount\":" + event.event().amount().toPlainString());
  }

  @Test
  void mapsRoundTripWithSchemasDisabled() {
    JsonConverter converter = converter(false);
    for (long p = 0; p < 2_000; p++) {
      RecordValue value = FACTORY.eventAt(p).value(OutputFormat.MAP);

      byte[] bytes = converter.fromConnectData(TOPIC, value.schema(), value.value());
      SchemaAndValue back = converter.toConnectData(TOPIC, bytes);

      assertThat(back.value()).as("value at position %d", p).isEqualTo(value.value());
    }
  }
}
