package io.streametl.smt.lookup;

/** What {@link Lookup} does when the reference data has no row for a record's key. */
enum MissingKeyPolicy {
  /** Write nothing: Struct targets stay null, Maps get no entries. */
  LEAVE,
  /** Write the configured default values (null for columns without one). */
  DEFAULT,
  /** Throw a DataException, so a sink's dead-letter queue receives the record. */
  FAIL
}
