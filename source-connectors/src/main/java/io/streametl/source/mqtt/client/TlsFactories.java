package io.streametl.source.mqtt.client;

import io.streametl.source.mqtt.config.MqttSourceConfig;
import io.streametl.source.mqtt.config.MqttTlsConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;
import org.apache.kafka.common.config.ConfigException;

/** Loads the trust and key managers of the mqtt.ssl.* settings. */
final class TlsFactories {

  private TlsFactories() {}

  /** The truststore's managers, or null for the JVM's defaults. */
  static TrustManagerFactory trust(MqttTlsConfig tls) {
    if (tls.truststoreLocation().isEmpty()) {
      return null;
    }
    try {
      KeyStore store = load(MqttSourceConfig.TRUSTSTORE_LOCATION, tls.truststoreLocation(),
          tls.truststoreType(), MqttTlsConfig.reveal(tls.truststorePassword()));
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      return factory;
    } catch (GeneralSecurityException e) {
      throw new ConfigException(MqttSourceConfig.TRUSTSTORE_LOCATION, tls.truststoreLocation(),
          "cannot use the truststore: " + e.getClass().getSimpleName() + " (" + e.getMessage() + ")");
    }
  }

  /** The client certificate's managers, or null for none. */
  static KeyManagerFactory keys(MqttTlsConfig tls) {
    if (tls.keystoreLocation().isEmpty()) {
      return null;
    }
    try {
      String storePassword = MqttTlsConfig.reveal(tls.keystorePassword());
      KeyStore store = load(MqttSourceConfig.KEYSTORE_LOCATION, tls.keystoreLocation(),
          tls.keystoreType(), storePassword);
      String keyPassword = tls.keyPassword() == null ? storePassword
          : MqttTlsConfig.reveal(tls.keyPassword());
      KeyManagerFactory factory =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      factory.init(store, keyPassword.toCharArray());
      return factory;
    } catch (GeneralSecurityException e) {
      throw new ConfigException(MqttSourceConfig.KEYSTORE_LOCATION, tls.keystoreLocation(),
          "cannot use the keystore: " + e.getClass().getSimpleName() + " (" + e.getMessage() + ")");
    }
  }

  private static KeyStore load(String key, String location, String type, String password)
      throws GeneralSecurityException {
    try (InputStream in = Files.newInputStream(Path.of(location))) {
      KeyStore store = KeyStore.getInstance(type);
      store.load(in, password.isEmpty() ? null : password.toCharArray());
      return store;
    } catch (IOException e) {
      // A wrong password shows up as an IOException too; never echo the password.
      throw new ConfigException(key, location, "cannot read the " + type + " store: "
          + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
    }
  }
}
