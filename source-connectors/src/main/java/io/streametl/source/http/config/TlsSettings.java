package io.streametl.source.http.config;

import io.streametl.common.config.ConfigProblem;

import java.util.List;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

/** The connector settings of the "TLS" group: a custom truststore and a client certificate. */
final class TlsSettings {

  static final String GROUP = "TLS";

  static final String TRUSTSTORE_LOCATION = "http.ssl.truststore.location";
  static final String TRUSTSTORE_TYPE = "http.ssl.truststore.type";
  static final String TRUSTSTORE_PASSWORD = "http.ssl.truststore.password";
  static final String KEYSTORE_LOCATION = "http.ssl.keystore.location";
  static final String KEYSTORE_TYPE = "http.ssl.keystore.type";
  static final String KEYSTORE_PASSWORD = "http.ssl.keystore.password";
  static final String KEY_PASSWORD = "http.ssl.key.password";

  private static final String[] STORE_TYPES = {"PKCS12", "JKS"};

  private TlsSettings() {}

  static void define(ConfigDef def) {
    int order = 0;
    def.define(TRUSTSTORE_LOCATION, Type.STRING, "", Importance.MEDIUM,
        "A truststore file (on every worker) with the CA or server certificates to trust"
            + " instead of the JVM's default ones. Empty: the JVM's defaults.",
        GROUP, ++order, Width.LONG, "Truststore");
    def.define(TRUSTSTORE_TYPE, Type.STRING, "PKCS12",
        ConfigDef.CaseInsensitiveValidString.in(STORE_TYPES), Importance.LOW,
        "The truststore's format.", GROUP, ++order, Width.SHORT, "Truststore type");
    def.define(TRUSTSTORE_PASSWORD, Type.PASSWORD, null, Importance.LOW,
        "The truststore's password, if it has one.", GROUP, ++order, Width.MEDIUM,
        "Truststore password");
    def.define(KEYSTORE_LOCATION, Type.STRING, "", Importance.MEDIUM,
        "A keystore file with the client certificate and key for mutual TLS. Empty: no client"
            + " certificate.", GROUP, ++order, Width.LONG, "Keystore");
    def.define(KEYSTORE_TYPE, Type.STRING, "PKCS12",
        ConfigDef.CaseInsensitiveValidString.in(STORE_TYPES), Importance.LOW,
        "The keystore's format.", GROUP, ++order, Width.SHORT, "Keystore type");
    def.define(KEYSTORE_PASSWORD, Type.PASSWORD, null, Importance.LOW,
        "The keystore's password.", GROUP, ++order, Width.MEDIUM, "Keystore password");
    def.define(KEY_PASSWORD, Type.PASSWORD, null, Importance.LOW,
        "The private key's password, if it differs from the keystore's.",
        GROUP, ++order, Width.MEDIUM, "Key password");
  }

  static TlsConfig parse(AbstractConfig config) {
    return new TlsConfig(
        config.getString(TRUSTSTORE_LOCATION),
        config.getString(TRUSTSTORE_TYPE).toUpperCase(java.util.Locale.ROOT),
        config.getPassword(TRUSTSTORE_PASSWORD),
        config.getString(KEYSTORE_LOCATION),
        config.getString(KEYSTORE_TYPE).toUpperCase(java.util.Locale.ROOT),
        config.getPassword(KEYSTORE_PASSWORD),
        config.getPassword(KEY_PASSWORD));
  }

  static void check(AbstractConfig config, List<ConfigProblem> problems) {
    if (config.getString(KEYSTORE_LOCATION).isEmpty() && config.getPassword(KEY_PASSWORD) != null) {
      problems.add(new ConfigProblem(KEY_PASSWORD, "is set but " + KEYSTORE_LOCATION + " is empty"));
    }
  }
}
