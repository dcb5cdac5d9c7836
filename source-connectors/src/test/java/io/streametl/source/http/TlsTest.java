package io.streametl.source.http;

import io.streametl.source.testsupport.TestCertificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streametl.source.http.fakeapi.Dataset;
import io.streametl.source.http.fakeapi.FakeApiServer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS with a custom truststore, and mutual TLS with a client certificate. */
class TlsTest {

  @TempDir
  static Path dir;
  private static TestCertificates certs;

  @BeforeAll
  static void makeCertificates() throws Exception {
    certs = TestCertificates.create(dir);
  }

  private static Map<String, String> props(FakeApiServer api, String... settings) {
    Map<String, String> props = new HashMap<>();
    props.put("endpoints", "items");
    props.put("endpoint.items.url", api.url("/items/all"));
    props.put("http.retry.max.retries", "0");
    for (int i = 0; i < settings.length; i += 2) {
      props.put(settings[i], settings[i + 1]);
    }
    return props;
  }

  private static List<SourceRecord> sync(Map<String, String> props) throws InterruptedException {
    try (TaskHarness harness = new TaskHarness(props)) {
      return harness.pollTimes(harness.start(), 1);
    }
  }

  @Test
  void aServerCertificateFromTheTruststoreIsTrusted() throws Exception {
    try (FakeApiServer api = FakeApiServer.startHttps(new Dataset().add(5), certs.serverContext(), false)) {
      List<SourceRecord> records = sync(props(api,
          "http.ssl.truststore.location", certs.clientTruststore.toString(),
          "http.ssl.truststore.password", TestCertificates.PASSWORD));

      assertThat(records).hasSize(5);
    }
  }

  @Test
  void withoutTheTruststoreTheServerIsNotTrusted() throws Exception {
    try (FakeApiServer api = FakeApiServer.startHttps(new Dataset().add(5), certs.serverContext(), false)) {
      assertThatThrownBy(() -> sync(props(api))).isInstanceOf(ConnectException.class)
          .hasMessageContaining("connection error: SSLHandshakeException");
    }
  }

  @Test
  void mutualTlsPresentsTheClientCertificate() throws Exception {
    try (FakeApiServer api = FakeApiServer.startHttps(new Dataset().add(5), certs.serverContext(), true)) {
      List<SourceRecord> records = sync(props(api,
          "http.ssl.truststore.location", certs.clientTruststore.toString(),
          "http.ssl.truststore.password", TestCertificates.PASSWORD,
          "http.ssl.keystore.location", certs.clientKeystore.toString(),
          "http.ssl.keystore.password", TestCertificates.PASSWORD));

      assertThat(records).hasSize(5);
    }
  }

  @Test
  void aServerThatRequiresAClientCertificateRejectsATaskWithout() throws Exception {
    try (FakeApiServer api = FakeApiServer.startHttps(new Dataset().add(5), certs.serverContext(), true)) {
      assertThatThrownBy(() -> sync(props(api,
          "http.ssl.truststore.location", certs.clientTruststore.toString(),
          "http.ssl.truststore.password", TestCertificates.PASSWORD)))
          .isInstanceOf(ConnectException.class).hasMessageContaining("connection error");
    }
  }

  @Test
  void aWrongKeystorePasswordFailsAtStartNamingTheSettingButNotThePassword() throws Exception {
    try (FakeApiServer api = FakeApiServer.startHttps(new Dataset().add(5), certs.serverContext(), true)) {
      assertThatThrownBy(() -> sync(props(api,
          "http.ssl.keystore.location", certs.clientKeystore.toString(),
          "http.ssl.keystore.password", "not-the-password")))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("http.ssl.keystore.location")
          .hasMessageNotContaining("not-the-password");
    }
  }
}
