package io.streametl.source.http.config;

/** What the task does with a response or record it cannot turn into records. */
public enum BadResponsePolicy {
  /** Fail the task with a message naming the endpoint and the reason. */
  FAIL,
  /** Send the raw payload with the reason in headers to the error topic, and go on. */
  ERROR_TOPIC
}
