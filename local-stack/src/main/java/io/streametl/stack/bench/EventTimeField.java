package io.streametl.stack.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.OptionalLong;

/**
 * The event_time of a JSON record value: JsonConverter's envelope ({"schema": ..., "payload":
 * {...}}) with a Timestamp as epoch milliseconds, or a plain object with epoch milliseconds or
 * ISO-8601 text.
 */
final class EventTimeField {

  static final String NAME = "event_time";

  private EventTimeField() {}

  static OptionalLong millis(JsonNode value) {
    if (value == null || !value.isObject()) {
      return OptionalLong.empty();
    }
    JsonNode event = value.has("schema") && value.has("payload") ? value.get("payload") : value;
    JsonNode time = event.get(NAME);
    if (time == null) {
      return OptionalLong.empty();
    }
    if (time.isIntegralNumber()) {
      return OptionalLong.of(time.asLong());
    }
    if (time.isTextual()) {
      try {
        return OptionalLong.of(Instant.parse(time.asText()).toEpochMilli());
      } catch (DateTimeParseException e) {
        return OptionalLong.empty();
      }
    }
    return OptionalLong.empty();
  }
}
