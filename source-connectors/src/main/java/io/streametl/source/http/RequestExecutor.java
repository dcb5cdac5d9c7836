package io.streametl.source.http;

import io.streametl.source.http.auth.AuthException;
import io.streametl.source.http.auth.Authenticator;
import io.streametl.source.http.client.ApiResponse;
import io.streametl.source.http.client.HttpRequestSpec;
import io.streametl.source.http.client.RateLimiter;
import io.streametl.source.http.client.RetryPolicy;
import io.streametl.source.http.client.Transport;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.util.OptionalLong;
import java.util.function.LongConsumer;

/**
 * Sends one request the polite way and classifies what came back; the one place that decides
 * what is retried. Each request waits for the rate limit and carries credentials; a 401 renews
 * renewable credentials (OAuth2) and tries once more. 408, 425, 429, 5xx, timeouts and connection
 * errors are transient (Retry-After honoured, else backoff); other statuses are permanent.
 * Each request sent is timed from sending it to having its whole response (or its failure),
 * without the rate limiter's wait.
 */
final class RequestExecutor {

  private final Transport transport;
  private final Authenticator auth;
  private final RateLimiter rateLimiter;
  private final RetryPolicy retries;
  private final Clock clock;

  RequestExecutor(Transport transport, Authenticator auth, RateLimiter rateLimiter,
      RetryPolicy retries, Clock clock) {
    this.transport = transport;
    this.auth = auth;
    this.rateLimiter = rateLimiter;
    this.retries = retries;
    this.clock = clock;
  }

  /**
   * @param attempt 1 for a first try, n for the (n-1)th retry in a row; sets the backoff
   * @param latencyNanos told the duration of each HTTP request sent (two after a renewal)
   */
  FetchOutcome execute(HttpRequestSpec request, int attempt, LongConsumer latencyNanos)
      throws InterruptedException {
    try {
      ApiResponse response = send(request, latencyNanos);
      if (response.status() == 401 && auth.renewAfterUnauthorized()) {
        response = send(request, latencyNanos);
        if (response.status() == 401) {
          return new FetchOutcome.Failed("HTTP 401 Unauthorized, also after renewing "
              + auth.describe() + "; check the credentials");
        }
      }
      if (response.isSuccess()) {
        return new FetchOutcome.Fetched(response);
      }
      if (RetryPolicy.isRetriable(response.status())) {
        return retryLater("HTTP " + response.status(),
            RetryPolicy.retryAfterMs(response, clock.millis()), attempt);
      }
      return new FetchOutcome.Failed(permanent(response.status()));
    } catch (AuthException e) {
      return e.isRetriable() ? retryLater(e.getMessage(), e.retryAfterMs(), attempt)
          : new FetchOutcome.Failed(e.getMessage());
    } catch (HttpTimeoutException e) {
      return retryLater("timeout: " + e.getMessage(), OptionalLong.empty(), attempt);
    } catch (IOException e) {
      return retryLater("connection error: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"), OptionalLong.empty(), attempt);
    }
  }

  private ApiResponse send(HttpRequestSpec request, LongConsumer latencyNanos)
      throws IOException, InterruptedException, AuthException {
    rateLimiter.acquire();
    HttpRequestSpec authenticated = auth.authenticate(request);
    long started = System.nanoTime();
    try {
      return transport.send(authenticated);
    } finally {
      latencyNanos.accept(System.nanoTime() - started);
    }
  }

  private FetchOutcome retryLater(String reason, OptionalLong retryAfterMs, int attempt) {
    if (retryAfterMs.isPresent()) {
      long asked = retryAfterMs.getAsLong();
      if (asked > retries.retryAfterMaxMs()) {
        return new FetchOutcome.Failed(reason + " with Retry-After of " + asked / 1000 + " s, more"
            + " than http.retry.after.max.ms (" + retries.retryAfterMaxMs() + " ms) allows");
      }
      return new FetchOutcome.RetryLater(asked, reason + " (Retry-After " + asked + " ms)");
    }
    return new FetchOutcome.RetryLater(retries.backoffMs(attempt), reason);
  }

  private String permanent(int status) {
    switch (status) {
      case 400:
        return "HTTP 400 Bad Request; check the endpoint's URL parameters, body and pagination"
            + " settings";
      case 401:
        return "HTTP 401 Unauthorized; the server rejected " + auth.describe();
      case 403:
        return "HTTP 403 Forbidden; " + auth.describe() + " may not read this endpoint";
      case 404:
        return "HTTP 404 Not Found; check the endpoint's URL";
      default:
        return "HTTP " + status + ", which is not retried";
    }
  }
}
