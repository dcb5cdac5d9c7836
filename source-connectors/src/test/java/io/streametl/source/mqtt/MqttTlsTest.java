package io.streametl.source.mqtt;

import io.streametl.source.testsupport.TestCertificates;

import static io.streametl.source.mqtt.TaskRunner.pollCount;
import static io.streametl.source.mqtt.TaskRunner.props;
import static io.streametl.source.mqtt.TaskRunner.validationErrors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS against the broker's TLS listener: the server certificate trusted through a truststore,
 * hostname verification, and client certificates (mutual TLS). Failures that retrying cannot fix
 * fail start() and validate() at the setting to change, without any password in the message.
 */
class MqttTlsTest {

  private static final String SECRET = "s3cret-pw";

  @TempDir
  Path folder;

  private static Map<String, String> tls(EmbeddedBroker broker, TestCertificates certs,
      String clientId, String... more) {
    Map<String, String> props = props(broker, "mqtt.client.id", clientId,
        "mqtt.server.uri", broker.tlsUri("127.0.0.1"),
        "mqtt.ssl.truststore.location", certs.clientTruststore.toString(),
        "mqtt.ssl.truststore.password", TestCertificates.PASSWORD,
        "mqtt.username", "device-reader", "mqtt.password", SECRET,
        "mqtt.connect.timeout.ms", "3000");
    for (int i = 0; i < more.length; i += 2) {
      props.put(more[i], more[i + 1]);
    }
    return props;
  }

  private static void assertNoSecret(String message) {
    assertThat(message).doesNotContain(SECRET).doesNotContain(TestCertificates.PASSWORD);
  }

  @Test
  void readsOverTlsWithATruststoreAndRejectsAnUntrustedCertificate() throws Exception {
    TestCertificates certs = TestCertificates.create(folder.resolve("certs"));
    TestCertificates other = TestCertificates.create(folder.resolve("other"));
    try (EmbeddedBroker broker = EmbeddedBroker.start(folder.resolve("b1"), certs.serverKeystore,
        null); Publisher device = new Publisher(broker)) {
      try (TaskRunner runner = new TaskRunner(tls(broker, certs, "tls"))) {
        MqttSourceTask task = runner.start();
        device.publish("t/a", "secure", 1);
        assertThat(pollCount(task, true, 1).get(0).value()).isEqualTo("secure");
      }
      assertThat(validationErrors(tls(broker, certs, "tls"))).isEmpty();

      // A truststore that does not know the broker's certificate: start() fails at once.
      Map<String, String> untrusted = tls(broker, other, "tls-untrusted");
      try (TaskRunner runner = new TaskRunner(untrusted)) {
        assertThatThrownBy(runner::start).isInstanceOf(ConnectException.class)
            .hasMessageContaining("mqtt.ssl.truststore.location")
            .hasMessageContaining("not trusted")
            .satisfies(e -> assertNoSecret(e.getMessage()));
      }
      Map<String, List<String>> errors = validationErrors(untrusted);
      assertThat(errors).containsOnlyKeys("mqtt.ssl.truststore.location");
      assertThat(errors.get("mqtt.ssl.truststore.location").get(0)).contains("not trusted");
      assertNoSecret(errors.toString());
    }
  }

  @Test
  void hostnameVerificationIsOnByDefaultAndCanBeTurnedOff() throws Exception {
    TestCertificates otherHost = TestCertificates.create(folder.resolve("other"),
        "SAN=dns:broker.example.com");
    try (EmbeddedBroker broker = EmbeddedBroker.start(folder.resolve("b2"),
        otherHost.serverKeystore, null); Publisher device = new Publisher(broker)) {
      // Trusted, but the certificate names broker.example.com, not 127.0.0.1.
      Map<String, String> mismatch = tls(broker, otherHost, "tls-host");
      try (TaskRunner runner = new TaskRunner(mismatch)) {
        assertThatThrownBy(runner::start).isInstanceOf(ConnectException.class)
            .hasMessageContaining("hostname verification failed")
            .hasMessageContaining("mqtt.server.uri")
            .hasMessageContaining("'127.0.0.1'")
            .satisfies(e -> assertNoSecret(e.getMessage()));
      }
      Map<String, List<String>> errors = validationErrors(mismatch);
      assertThat(errors).containsOnlyKeys("mqtt.server.uri");
      assertThat(errors.get("mqtt.server.uri").get(0)).contains("hostname verification failed");

      Map<String, String> off = tls(broker, otherHost, "tls-nohost",
          "mqtt.ssl.hostname.verification", "false");
      assertThat(validationErrors(off)).isEmpty();
      try (TaskRunner runner = new TaskRunner(off)) {
        MqttSourceTask task = runner.start();
        device.publish("t/a", "unverified", 1);
        assertThat(pollCount(task, true, 1).get(0).value()).isEqualTo("unverified");
      }
    }
  }

  @Test
  void mutualTlsNeedsTheClientCertificate() throws Exception {
    TestCertificates certs = TestCertificates.create(folder.resolve("certs"));
    try (EmbeddedBroker broker = EmbeddedBroker.start(folder.resolve("b"), certs.serverKeystore,
        certs.serverTruststore); Publisher device = new Publisher(broker)) {
      Map<String, String> withCertificate = tls(broker, certs, "mtls",
          "mqtt.ssl.keystore.location", certs.clientKeystore.toString(),
          "mqtt.ssl.keystore.password", TestCertificates.PASSWORD);
      try (TaskRunner runner = new TaskRunner(withCertificate)) {
        MqttSourceTask task = runner.start();
        device.publish("t/a", "mutual", 1);
        assertThat(pollCount(task, true, 1).get(0).value()).isEqualTo("mutual");
      }
      assertThat(validationErrors(withCertificate)).isEmpty();

      // No client certificate: the broker ends the handshake; start() fails instead of retrying.
      Map<String, String> without = tls(broker, certs, "mtls-none");
      try (TaskRunner runner = new TaskRunner(without)) {
        assertThatThrownBy(runner::start).isInstanceOf(ConnectException.class)
            .hasMessageContaining("client certificate")
            .hasMessageContaining("mqtt.ssl.keystore.location")
            .satisfies(e -> assertNoSecret(e.getMessage()));
      }
      Map<String, List<String>> errors = validationErrors(without);
      assertThat(errors).containsOnlyKeys("mqtt.ssl.keystore.location");
      assertNoSecret(errors.toString());
    }
  }

  @Test
  void aBrokerClosingTheHandshakeFailsStartInsteadOfRetrying() throws Exception {
    TestCertificates certs = TestCertificates.create(folder.resolve("certs"));
    try (EmbeddedBroker broker = EmbeddedBroker.start(folder.resolve("b"))) {
      // ssl:// to a plain MQTT listener: the broker closes the connection on the ClientHello.
      Map<String, String> plain = tls(broker, certs, "tls-plain",
          "mqtt.server.uri", "ssl://127.0.0.1:" + broker.port, "mqtt.connect.timeout.ms", "20000");
      try (TaskRunner runner = new TaskRunner(plain)) {
        assertThatThrownBy(runner::start).isInstanceOf(ConnectException.class)
            .hasMessageContaining("TLS handshake failed")
            .hasMessageContaining("mqtt.server.uri")
            .satisfies(e -> assertNoSecret(e.getMessage()));
      }
      Map<String, List<String>> errors = validationErrors(plain);
      assertThat(errors).containsOnlyKeys("mqtt.server.uri");
      assertThat(errors.get("mqtt.server.uri").get(0)).contains("TLS handshake failed");
    }
  }
}
