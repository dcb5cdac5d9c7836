package io.streametl.source.mqtt.config;

import org.apache.kafka.common.config.ConfigException;

/**
 * One thing wrong with an MQTT source configuration, at the key the user has to change: the
 * connector's {@code validate()} attaches each to its key, {@code start()} fails on the first.
 */
public record ConfigProblem(String key, String message) {

  public ConfigException toException() {
    return new ConfigException(key + ": " + message);
  }
}
