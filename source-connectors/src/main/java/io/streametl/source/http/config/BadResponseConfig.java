package io.streametl.source.http.config;

/** What to do with bad responses and records; {@code topic} is used with ERROR_TOPIC. */
public record BadResponseConfig(BadResponsePolicy policy, String topic) {}
