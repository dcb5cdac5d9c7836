package io.streametl.source.generator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * The source offset of a stream: the next position to generate and the event time of position 0.
 * Storing the start time here is what makes a restart reproduce the same event times.
 */
record StreamOffset(long position, long startMs) {

  static final String POSITION_KEY = "position";
  static final String START_MS_KEY = "start_ms";

  /** The offset map, in a fixed key order like the partition (see GeneratorStream#partition). */
  Map<String, Object> toMap() {
    Map<String, Object> offset = new LinkedHashMap<>();
    offset.put(POSITION_KEY, position);
    offset.put(START_MS_KEY, startMs);
    return Collections.unmodifiableMap(offset);
  }

  /**
   * Reads a stored offset of {@code stream}, failing if it could not have come from that stream
   * (resuming from it would skip or repeat positions).
   */
  static StreamOffset read(Map<String, ?> offset, GeneratorStream stream) {
    StreamOffset parsed =
        new StreamOffset(
            requireLong(offset, POSITION_KEY, "source offset"),
            requireLong(offset, START_MS_KEY, "source offset"));
    if (!stream.owns(parsed.position())) {
      throw new ConnectException(
          "source offset position " + parsed.position() + " does not belong to stream "
              + stream.stream() + " of " + stream.streams() + " (positions " + stream.stream()
              + ", " + (stream.stream() + stream.streams()) + ", ...); correct or reset the"
              + " connector's offsets with the Connect REST API");
    }
    return parsed;
  }

  /** Numbers come back from the offsets topic as Integer or Long, depending on the converter. */
  static long requireLong(Map<String, ?> map, String key, String what) {
    Object value = map.get(key);
    if (!(value instanceof Long || value instanceof Integer || value instanceof Short)) {
      throw new ConnectException(
          what + " " + map + " needs an integer '" + key + "', but has " + value);
    }
    return ((Number) value).longValue();
  }
}
