package io.streametl.source.http.config;

import org.apache.kafka.common.config.ConfigException;

/**
 * One thing wrong with a configuration, at the key the user has to change. The connector's
 * {@code validate()} attaches every problem to its key; {@code start()} fails on the first.
 */
public record ConfigProblem(String key, String message) {

  public ConfigException toException() {
    return new ConfigException(key + ": " + message);
  }
}
