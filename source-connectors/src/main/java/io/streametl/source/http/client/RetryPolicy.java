package io.streametl.source.http.client;

import io.streametl.source.http.config.ClientConfig;
import java.util.OptionalLong;
import java.util.Random;

/**
 * Which failures are worth retrying and how long to wait: the server's Retry-After when it gives
 * one, else exponential backoff with jitter ("equal jitter": half fixed, half random, so retries
 * of several tasks spread out but none comes back at once).
 */
public final class RetryPolicy {

  private final ClientConfig config;
  private final Random random;

  public RetryPolicy(ClientConfig config, Random random) {
    this.config = config;
    this.random = random;
  }

  /** 408, 425, 429 and every 5xx are transient; other failures are permanent. */
  public static boolean isRetriable(int status) {
    return status == 408 || status == 425 || status == 429 || status >= 500 && status <= 599;
  }

  /** The wait before retry number {@code attempt} (1 for the first retry), without Retry-After. */
  public long backoffMs(int attempt) {
    long ceiling = config.backoffInitialMs();
    for (int i = 1; i < attempt && ceiling < config.backoffMaxMs(); i++) {
      ceiling *= 2;
    }
    ceiling = Math.min(ceiling, config.backoffMaxMs());
    long half = ceiling / 2;
    return ceiling - half + (half == 0 ? 0 : (long) (random.nextDouble() * (half + 1)));
  }

  /** The wait a response asks for through Retry-After, if it has a readable one. */
  public static OptionalLong retryAfterMs(ApiResponse response, long nowMs) {
    return response.headers().firstValue("Retry-After")
        .map(value -> RetryAfter.delayMs(value, nowMs))
        .orElse(OptionalLong.empty());
  }

  public int maxRetries() {
    return config.maxRetries();
  }

  public long retryAfterMaxMs() {
    return config.retryAfterMaxMs();
  }
}
