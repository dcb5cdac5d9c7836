package io.streametl.source.http.config;

/** How record values are represented in Connect. */
public enum ValueFormat {
  /** A Struct with a schema inferred from the records, every field optional. */
  STRUCT,
  /** A schemaless Map, as JsonConverter with schemas.enable=false expects. */
  MAP,
  /**
   * The record's JSON as UTF-8 bytes with a BYTES schema, for ByteArrayConverter: no conversion
   * on the way to Kafka.
   */
  JSON;

  /** Whether values (and keys of several fields) are schemaless Java values, not Structs. */
  public boolean isSchemaless() {
    return this != STRUCT;
  }
}
