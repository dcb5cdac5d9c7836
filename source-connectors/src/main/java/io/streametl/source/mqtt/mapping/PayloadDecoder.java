package io.streametl.source.mqtt.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streametl.source.json.InferredSchema;
import io.streametl.source.json.JsonValues;
import io.streametl.source.mqtt.config.ValueFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;

/**
 * Turns payloads into record values of one {@link ValueFormat}. For struct, each Kafka topic has
 * its own schema, inferred from its messages and only ever widened, so records of one topic share
 * one evolving schema and a new field is a compatible change.
 */
final class PayloadDecoder {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ValueFormat format;
  private final Map<String, InferredSchema> schemas = new HashMap<>();

  PayloadDecoder(ValueFormat format) {
    this.format = format;
  }

  /** @param fields string fields to add to a JSON object (replacing fields of the same name) */
  SchemaAndValue decode(byte[] payload, String kafkaTopic, Map<String, String> fields)
      throws MappingException {
    switch (format) {
      case BYTES:
        return new SchemaAndValue(Schema.OPTIONAL_BYTES_SCHEMA, payload);
      case STRING:
        return new SchemaAndValue(Schema.OPTIONAL_STRING_SCHEMA, utf8(payload));
      default:
        ObjectNode object = jsonObject(payload);
        fields.forEach(object::put);
        if (format == ValueFormat.MAP) {
          return new SchemaAndValue(null, JsonValues.toSchemaless(object));
        }
        Schema schema = schemas.computeIfAbsent(kafkaTopic, topic -> new InferredSchema(null))
            .accommodate(List.of(object));
        return new SchemaAndValue(schema, JsonValues.toConnect(object, schema));
    }
  }

  private static String utf8(byte[] payload) throws MappingException {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(payload)).toString();
    } catch (CharacterCodingException e) {
      throw new MappingException("the payload is not valid UTF-8 text");
    }
  }

  private static ObjectNode jsonObject(byte[] payload) throws MappingException {
    if (payload.length == 0) {
      throw new MappingException("the payload is empty, not a JSON object");
    }
    JsonNode node;
    try {
      node = JSON.readTree(payload);
    } catch (JsonProcessingException e) {
      throw new MappingException("the payload is not valid JSON: " + e.getOriginalMessage()
          + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
    } catch (IOException e) {
      throw new MappingException("the payload is not valid JSON: " + e.getMessage());
    }
    if (node == null || !node.isObject()) {
      throw new MappingException("the payload is JSON " + (node == null ? "nothing"
          : node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT))
          + ", not a JSON object");
    }
    return (ObjectNode) node;
  }
}
