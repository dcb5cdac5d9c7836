package io.streametl.source.http.config;

import org.apache.kafka.common.config.types.Password;

/** A custom truststore and an optional client certificate; empty locations mean JVM defaults. */
public record TlsConfig(
    String truststoreLocation,
    String truststoreType,
    Password truststorePassword,
    String keystoreLocation,
    String keystoreType,
    Password keystorePassword,
    Password keyPassword) {

  public boolean isDefault() {
    return truststoreLocation.isEmpty() && keystoreLocation.isEmpty();
  }
}
