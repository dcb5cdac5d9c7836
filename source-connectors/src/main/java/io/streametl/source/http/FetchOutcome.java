package io.streametl.source.http;

import io.streametl.source.http.client.ApiResponse;

/** What came of one request, after authentication and classification. */
sealed interface FetchOutcome {

  /** A 2xx response. */
  record Fetched(ApiResponse response) implements FetchOutcome {}

  /** A transient failure: try again after {@code delayMs}. */
  record RetryLater(long delayMs, String reason) implements FetchOutcome {}

  /** A permanent failure: the reason names the status and what to check, never a secret. */
  record Failed(String reason) implements FetchOutcome {}
}
