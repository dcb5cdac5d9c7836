package io.streametl.sink;

import org.apache.kafka.connect.sink.SinkRecord;

/**
 * The task's dead-letter queue, for a destination that learns only while committing that a record
 * cannot be written (BigQuery rejecting a row): it reports the record, and waits until the
 * dead-letter queue has every report before it records offsets past them.
 */
public interface ErrantRecordReporting {

  /** Sends the record to the dead-letter queue, or fails the task when there is none configured. */
  void report(SinkRecord record, RuntimeException reason);

  /** Returns once the dead-letter queue holds every record reported so far. */
  void awaitReported();
}
