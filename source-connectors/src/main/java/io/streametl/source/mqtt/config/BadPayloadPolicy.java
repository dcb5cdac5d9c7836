package io.streametl.source.mqtt.config;

/** What the task does with a message it cannot turn into a record. */
public enum BadPayloadPolicy {
  /** Fail the task with the reason; the message stays unacknowledged, so it comes again. */
  FAIL,
  /** Write the raw payload with the reason in headers to the error topic, and go on. */
  ERROR_TOPIC
}
