package io.streametl.stack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

class ConverterVisitorTest {

  private static final Map<String, String> SINK = Map.of(
      "value.converter", "org.apache.kafka.connect.json.JsonConverter",
      "value.converter.schemas.enable", "true",
      "value.converter.decimal.format", "NUMERIC",
      "key.converter", "org.apache.kafka.connect.storage.StringConverter");

  @Test
  void theConverterGetsTheSinksValueConverterSettings() {
    assertThat(ConverterVisitor.converterSettings(SINK))
        .isEqualTo(Map.of("schemas.enable", "true", "decimal.format", "NUMERIC"));
  }

  @Test
  void decodesJsonConverterEnvelopes() {
    TopicReadPass.ValueVisitor visitor = ConverterVisitor.jsonConverter("t", SINK);

    assertThatCode(() -> visitor.visit(("{\"schema\": {\"type\": \"struct\", \"fields\":"
        + " [{\"field\": \"a\", \"type\": \"int64\"}]}, \"payload\": {\"a\": 1}}")
        .getBytes(StandardCharsets.UTF_8))).doesNotThrowAnyException();
  }

  @Test
  void theSinksOwnStreamingJsonConverterIsAcceptedAndDecodes() {
    Map<String, String> sink = new HashMap<>(SINK);
    sink.put("value.converter", "io.streametl.converter.StreamingJsonConverter");
    TopicReadPass.ValueVisitor visitor = ConverterVisitor.sinksConverter("t", sink);

    assertThat(ConverterVisitor.converterClass(sink))
        .isEqualTo("io.streametl.converter.StreamingJsonConverter");
    for (int i = 0; i < 2; i++) {
      assertThatCode(() -> visitor.visit(("{\"schema\": {\"type\": \"struct\", \"fields\":"
          + " [{\"field\": \"a\", \"type\": \"int64\"}]}, \"payload\": {\"a\": 1}}")
          .getBytes(StandardCharsets.UTF_8))).doesNotThrowAnyException();
    }
    assertThatThrownBy(() -> visitor.visit("{\"schema\": 1}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(DataException.class);
  }

  @Test
  void otherConvertersAreRefused() {
    assertThatThrownBy(() -> ConverterVisitor.jsonConverter("t",
        Map.of("value.converter", "org.apache.kafka.connect.storage.StringConverter")))
        .isInstanceOf(BenchmarkException.class).hasMessageContaining("decode JSON only");
  }
}
