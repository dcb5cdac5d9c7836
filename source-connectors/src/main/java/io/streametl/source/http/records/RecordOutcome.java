package io.streametl.source.http.records;

import org.apache.kafka.connect.data.Schema;

/** What one record of a page becomes: a record to emit, or a bad record with its reason. */
public sealed interface RecordOutcome {

  /** A record to emit. */
  record Emit(Schema keySchema, Object key, Schema valueSchema, Object value) implements RecordOutcome {}

  /**
   * A record that cannot be emitted.
   *
   * @param reason what is wrong, naming fields and settings, never the record's data
   * @param payload the record's JSON, for the error topic
   */
  record Bad(String reason, byte[] payload) implements RecordOutcome {}
}
