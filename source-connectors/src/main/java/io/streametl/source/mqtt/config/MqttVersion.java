package io.streametl.source.mqtt.config;

import java.util.Arrays;
import java.util.Optional;

/** The MQTT protocol version the tasks speak. */
public enum MqttVersion {
  V3_1_1("3.1.1"),
  V5("5");

  private final String text;

  MqttVersion(String text) {
    this.text = text;
  }

  public String text() {
    return text;
  }

  public static Optional<MqttVersion> parse(String value) {
    String trimmed = value == null ? "" : value.trim();
    return Arrays.stream(values())
        .filter(v -> v.text.equals(trimmed) || (v == V5 && trimmed.equals("5.0")))
        .findFirst();
  }
}
