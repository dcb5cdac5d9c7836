package io.streametl.source.http.client;

import io.streametl.source.http.config.AuthConfig;
import io.streametl.source.http.config.TlsConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.apache.kafka.common.config.ConfigException;

/** Builds the SSLContext of a custom truststore and an optional client certificate (mTLS). */
final class TlsContexts {

  private TlsContexts() {}

  static SSLContext create(TlsConfig tls) {
    try {
      TrustManager[] trust = null;
      if (!tls.truststoreLocation().isEmpty()) {
        KeyStore store = load("http.ssl.truststore.location", tls.truststoreLocation(),
            tls.truststoreType(), AuthConfig.reveal(tls.truststorePassword()));
        TrustManagerFactory factory =
            TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        trust = factory.getTrustManagers();
      }
      KeyManager[] keys = null;
      if (!tls.keystoreLocation().isEmpty()) {
        String storePassword = AuthConfig.reveal(tls.keystorePassword());
        KeyStore store = load("http.ssl.keystore.location", tls.keystoreLocation(),
            tls.keystoreType(), storePassword);
        String keyPassword = tls.keyPassword() == null ? storePassword
            : AuthConfig.reveal(tls.keyPassword());
        KeyManagerFactory factory =
            KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, keyPassword.toCharArray());
        keys = factory.getKeyManagers();
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys, trust, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new ConfigException("Cannot set up TLS from the http.ssl.* settings: "
          + e.getClass().getSimpleName() + " (" + e.getMessage() + ")");
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
