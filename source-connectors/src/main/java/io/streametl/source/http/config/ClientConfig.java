package io.streametl.source.http.config;

/** Timeouts, limits, pace and retries of the connector's HTTP requests. */
public record ClientConfig(
    int connectTimeoutMs,
    int requestTimeoutMs,
    int responseMaxBytes,
    double rateLimitPerSecond,
    int maxRetries,
    long backoffInitialMs,
    long backoffMaxMs,
    long retryAfterMaxMs) {}
