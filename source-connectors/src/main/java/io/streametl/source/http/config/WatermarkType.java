package io.streametl.source.http.config;

/** What an incremental-sync watermark field holds, which decides how values compare. */
public enum WatermarkType {
  /** An ISO-8601 timestamp with a zone or offset, e.g. {@code 2026-11-21T10:15:30Z}. */
  TIMESTAMP,
  /** Milliseconds since the epoch (a JSON number or a numeric string). */
  EPOCH_MILLIS,
  /** Seconds since the epoch (a JSON number or a numeric string). */
  EPOCH_SECONDS,
  /** Any increasing number, such as an auto-increment id. */
  NUMBER;

  public boolean isTime() {
    return this != NUMBER;
  }
}
