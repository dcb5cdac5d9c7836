package io.streametl.source.http;

import java.util.Collections;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * The source partition of one endpoint: {@code {"endpoint": <name>}}. Offsets are already kept per
 * connector, so the name is enough. A single key also keeps the serialised bytes (by which the
 * worker looks offsets up) identical when the offsets REST API reads the map back and writes it
 * again, whatever the map implementation.
 */
record EndpointPartition(String endpoint) {

  static final String ENDPOINT_KEY = "endpoint";

  Map<String, Object> toMap() {
    return Collections.singletonMap(ENDPOINT_KEY, endpoint);
  }

  static EndpointPartition fromMap(Map<String, ?> partition) {
    Object name = partition == null ? null : partition.get(ENDPOINT_KEY);
    if (!(name instanceof String) || partition.size() != 1) {
      throw new ConnectException("source partition " + partition + " is not an HTTP source"
          + " partition: expected {\"" + ENDPOINT_KEY + "\": \"<endpoint name>\"}");
    }
    return new EndpointPartition((String) name);
  }
}
