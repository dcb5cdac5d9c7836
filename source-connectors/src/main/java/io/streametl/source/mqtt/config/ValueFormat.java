package io.streametl.source.mqtt.config;

/** How an MQTT payload becomes the Kafka record's value. */
public enum ValueFormat {
  /** A JSON object as a Struct with a schema inferred per Kafka topic, every field optional. */
  STRUCT,
  /** A JSON object as a schemaless Map. */
  MAP,
  /** The payload as a UTF-8 string. */
  STRING,
  /** The payload's bytes as they are. */
  BYTES;

  /** Whether the payload is parsed as a JSON object (and fields can be added to it). */
  public boolean isJson() {
    return this == STRUCT || this == MAP;
  }
}
