package io.streametl.source.http.config;

/** How record values are represented in Connect. */
public enum ValueFormat {
  /** A Struct with a schema inferred from the records, every field optional. */
  STRUCT,
  /** A schemaless Map, as JsonConverter with schemas.enable=false expects. */
  MAP
}
