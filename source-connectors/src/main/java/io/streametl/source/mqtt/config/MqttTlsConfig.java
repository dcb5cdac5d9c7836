package io.streametl.source.mqtt.config;

import org.apache.kafka.common.config.types.Password;

/** A custom truststore, an optional client certificate (mutual TLS) and hostname verification. */
public record MqttTlsConfig(
    String truststoreLocation,
    String truststoreType,
    Password truststorePassword,
    String keystoreLocation,
    String keystoreType,
    Password keystorePassword,
    Password keyPassword,
    boolean hostnameVerification) {

  /** The password's value, or "" for none; never logged. */
  public static String reveal(Password password) {
    return password == null ? "" : password.value();
  }
}
