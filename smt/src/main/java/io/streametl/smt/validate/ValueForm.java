package io.streametl.smt.validate;

/** The two forms a record key or value can take in Connect once a converter has read it. */
enum ValueForm {
  /** A {@code Struct} with a schema. */
  STRUCT,
  /** A schemaless {@code Map}, as JSON without schemas yields. */
  MAP
}
