package io.streametl.source.generator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.DataException;

/**
 * Builds the {@code json} output format: UTF-8 bytes, as an application producing JSON would.
 * Amounts are exact decimals ({@code 29.99}), not binary doubles.
 */
final class JsonValueEncoder {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

  private JsonValueEncoder() {}

  static RecordValue encode(GeneratedEvent generated) {
    String text =
        generated.kind() == EventKind.UNPARSEABLE
            ? UnparseableText.of(generated)
            : write(MapValueEncoder.fields(generated, Function.identity()));
    return new RecordValue(Schema.BYTES_SCHEMA, text.getBytes(StandardCharsets.UTF_8));
  }

  /** The complete JSON text of the event, without any defect. */
  static String completeText(SubscriptionEvent event) {
    return write(MapValueEncoder.allFields(event, Function.identity()));
  }

  private static String write(Map<String, Object> fields) {
    try {
      return MAPPER.writeValueAsString(fields);
    } catch (JsonProcessingException e) {
      // Only strings, decimals and maps go in, so this means a broken Jackson setup.
      throw new DataException("JsonValueEncoder cannot write a generated event as JSON", e);
    }
  }
}
