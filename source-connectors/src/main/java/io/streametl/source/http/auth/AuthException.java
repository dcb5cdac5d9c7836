package io.streametl.source.http.auth;

import java.util.OptionalLong;

/**
 * Credentials could not be obtained. The message names the endpoint of the failure and the status,
 * never a secret.
 */
public final class AuthException extends Exception {

  private static final long serialVersionUID = 1L;

  private final boolean retriable;
  private final long retryAfterMs;

  public AuthException(String message, boolean retriable, OptionalLong retryAfterMs) {
    super(message);
    this.retriable = retriable;
    this.retryAfterMs = retryAfterMs.orElse(-1);
  }

  public boolean isRetriable() {
    return retriable;
  }

  public OptionalLong retryAfterMs() {
    return retryAfterMs < 0 ? OptionalLong.empty() : OptionalLong.of(retryAfterMs);
  }
}
