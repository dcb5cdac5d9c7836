package io.streametl.converter;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Finds where the payload of a JsonConverter envelope starts: the envelope must be an object whose
 * first property is {@code "schema"} with an object value and whose second is {@code "payload"},
 * the order JsonConverter writes. The schema's tokens are skipped, not built into a tree.
 */
final class EnvelopeScanner {

  private final JsonFactory factory;

  EnvelopeScanner(JsonFactory factory) {
    this.factory = factory;
  }

  /**
   * The offset of the payload's first byte in {@code value}, or -1 if {@code value} is not an
   * envelope in that order (or not JSON at all).
   */
  int payloadStart(byte[] value) {
    try (JsonParser parser = factory.createParser(ObjectReadContext.empty(), value)) {
      if (parser.nextToken() != JsonToken.START_OBJECT
          || !isProperty(parser, "schema")
          || parser.nextToken() != JsonToken.START_OBJECT) {
        return -1;
      }
      parser.skipChildren();
      if (!isProperty(parser, "payload") || parser.nextToken() == null) {
        return -1;
      }
      long offset = parser.currentTokenLocation().getByteOffset();
      return offset > 0 && offset < value.length ? (int) offset : -1;
    } catch (JacksonException e) {
      return -1;
    }
  }

  private static boolean isProperty(JsonParser parser, String name) {
    return parser.nextToken() == JsonToken.PROPERTY_NAME && name.equals(parser.currentName());
  }
}
