package io.streametl.source.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streametl.source.http.config.HttpSourceConfig;
import io.streametl.source.http.fakeapi.Dataset;
import io.streametl.source.http.fakeapi.FakeApiServer;
import io.streametl.source.http.fakeapi.RecordedRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigTransformer;
import org.apache.kafka.common.config.provider.ConfigProvider;
import org.apache.kafka.common.config.provider.FileConfigProvider;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every auth mode against the fake API, OAuth2 token caching and renewal included. */
class AuthModesTest {

  private FakeApiServer api;

  @BeforeEach
  void startApi() throws IOException {
    api = FakeApiServer.start(new Dataset().add(25));
  }

  @AfterEach
  void stopApi() {
    api.close();
  }

  private Map<String, String> props(String... settings) {
    return TaskHarness.pageNumberEndpoint(api, Map.of("poll.interval.ms", "40000", "http.retry.max.retries", "0"), settings);
  }

  private List<SourceRecord> sync(Map<String, String> props) throws InterruptedException {
    try (TaskHarness harness = new TaskHarness(props)) {
      return harness.pollTimes(harness.start(), 1);
    }
  }

  @Test
  void basic() throws Exception {
    api.auth().basic("reader", "pa:ss wörd");

    List<SourceRecord> records = sync(props("auth.type", "basic", "auth.basic.username", "reader",
        "auth.basic.password", "pa:ss wörd"));

    assertThat(records).hasSize(25);
  }

  @Test
  void basicWithAWrongPasswordFailsWithoutShowingIt() {
    api.auth().basic("reader", "right");

    assertThatThrownBy(() -> sync(props("auth.type", "basic", "auth.basic.username", "reader",
        "auth.basic.password", "wrong-password")))
        .isInstanceOf(ConnectException.class)
        .hasMessageContaining("HTTP 401 Unauthorized; the server rejected basic credentials of user 'reader'")
        .hasMessageNotContaining("wrong-password");
  }

  @Test
  void bearer() throws Exception {
    api.auth().bearer("t0ken");

    assertThat(sync(props("auth.type", "bearer", "auth.bearer.token", "t0ken"))).hasSize(25);
  }

  @Test
  void apiKeyInAHeader() throws Exception {
    api.auth().apiKeyHeader("X-Api-Key", "k3y");

    assertThat(sync(props("auth.type", "api_key", "auth.api.key", "k3y",
        "auth.api.key.name", "X-Api-Key"))).hasSize(25);
  }

  @Test
  void apiKeyInTheQueryNeverReachesTheStoredNextPageUrl() throws Exception {
    api.auth().apiKeyQuery("api_key", "k3y");
    Map<String, String> props = props("auth.type", "api_key", "auth.api.key", "k3y",
        "auth.api.key.name", "api_key", "auth.api.key.location", "query",
        "endpoint.items.url", api.url("/items/next"), "pagination.mode", "next_url",
        "endpoint.items.records.pointer", "/items",
        "endpoint.items.pagination.next.url.pointer", "/links/next",
        "pagination.size.param", "limit");
    try (TaskHarness harness = new TaskHarness(props)) {
      List<SourceRecord> records = harness.pollTimes(harness.start(), 1);

      assertThat(records).hasSize(25);
      assertThat(api.requestsTo("/items/next")).hasSize(3)
          .allSatisfy(r -> assertThat(r.query()).containsEntry("api_key", "k3y"));
      // The server echoes the key in its next links; the offsets keep the links without it.
      assertThat(records).allSatisfy(r -> assertThat(r.sourceOffset().toString()).doesNotContain("k3y"));
      assertThat(Records.offset(records.get(9)).get("page").toString()).contains("after=");
    }
  }

  @Test
  void oauth2ClientCredentialsWithBasicClientAuthentication() throws Exception {
    api.auth().oauth2("client-1", "s3cret", 3600);

    List<SourceRecord> records = sync(oauth2Props("basic"));

    assertThat(records).hasSize(25);
    assertThat(api.auth().tokensIssued()).isOne();
    assertThat(api.auth().tokenRequestsByClientAuth()).isEqualTo(Map.of("basic", 1));
    assertThat(api.requestsTo("/items")).extracting(r -> r.header("Authorization"))
        .containsOnly("Bearer token-1");
    assertThat(api.requestsTo("/oauth/token").get(0).body())
        .isEqualTo("grant_type=client_credentials&scope=read+items");
  }

  @Test
  void oauth2ClientCredentialsInTheFormBody() throws Exception {
    api.auth().oauth2("client-1", "s3cret", 3600);

    assertThat(sync(oauth2Props("post"))).hasSize(25);
    assertThat(api.auth().tokenRequestsByClientAuth()).isEqualTo(Map.of("post", 1));
  }

  @Test
  void theTokenIsRenewedBeforeItExpires() throws Exception {
    api.auth().oauth2("client-1", "s3cret", 60); // renewed 30 s before expiry: after 30 s
    try (TaskHarness harness = new TaskHarness(oauth2Props("basic"))) {
      HttpSourceTask task = harness.start();
      harness.pollTimes(task, 1);
      harness.clock.advance(40_000); // the next sync, 40 s later
      harness.pollTimes(task, 1);

      assertThat(api.auth().tokensIssued()).isEqualTo(2);
      List<RecordedRequest> calls = api.requestsTo("/items");
      assertThat(calls.get(0).header("Authorization")).isEqualTo("Bearer token-1");
      assertThat(calls.get(calls.size() - 1).header("Authorization")).isEqualTo("Bearer token-2");
    }
  }

  @Test
  void aRejectedTokenIsRenewedOnceAndTheRequestRetried() throws Exception {
    api.auth().oauth2("client-1", "s3cret", 3600);
    try (TaskHarness harness = new TaskHarness(oauth2Props("basic"))) {
      HttpSourceTask task = harness.start();
      harness.pollTimes(task, 1);
      api.dataset().add(3);
      api.auth().revokeTokens();
      harness.clock.advance(40_000);
      List<SourceRecord> second = harness.pollTimes(task, 1);

      assertThat(second).hasSize(28); // no watermark: a full sync again
      assertThat(api.auth().tokensIssued()).isEqualTo(2);
    }
  }

  @Test
  void a401AfterRenewingFailsTheTask() {
    api.auth().oauth2("client-1", "s3cret", 3600);
    api.auth().denyApiAccess();

    assertThatThrownBy(() -> sync(oauth2Props("basic"))).isInstanceOf(ConnectException.class)
        .hasMessageContaining("Endpoint 'items'")
        .hasMessageContaining("HTTP 401 Unauthorized, also after renewing the OAuth2 token of"
            + " client 'client-1'")
        .hasMessageNotContaining("s3cret");
    assertThat(api.auth().tokensIssued()).isEqualTo(2);
  }

  @Test
  void aRejectedClientSecretFailsWithTheOAuthErrorCode() {
    api.auth().oauth2("client-1", "other-secret", 3600);

    assertThatThrownBy(() -> sync(oauth2Props("post"))).isInstanceOf(ConnectException.class)
        .hasMessageContaining("OAuth2 token request to " + api.url("/oauth/token")
            + " failed with HTTP 401 (invalid_client)")
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void secretsComeThroughConfigProvidersAndStayPasswords(@TempDir Path dir) throws Exception {
    Path secrets = dir.resolve("secrets.properties");
    Files.writeString(secrets, "token=from-a-file\n", StandardCharsets.UTF_8);
    api.auth().bearer("from-a-file");
    Map<String, String> raw = props("auth.type", "bearer",
        "auth.bearer.token", "${file:" + secrets + ":token}");
    // What the worker does with config.providers=file before the task sees its config.
    FileConfigProvider provider = new FileConfigProvider();
    provider.configure(Map.of());
    Map<String, ConfigProvider> providers = Map.of("file", provider);
    Map<String, String> resolved = new ConfigTransformer(providers).transform(raw).data();

    assertThat(sync(resolved)).hasSize(25);
    assertThat(HttpSourceConfig.CONFIG_DEF.configKeys()).allSatisfy((name, key) -> {
      if (name.endsWith("password") || name.endsWith("secret") || name.endsWith("token")
          || name.equals("auth.api.key")) {
        assertThat(key.type).as(name).isEqualTo(ConfigDef.Type.PASSWORD);
      }
    });
    assertThat(new HttpSourceConfig(resolved).auth().toString()).doesNotContain("from-a-file");
  }

  private Map<String, String> oauth2Props(String clientAuth) {
    return props("auth.type", "oauth2", "auth.oauth2.token.url", api.url("/oauth/token"),
        "auth.oauth2.client.id", "client-1", "auth.oauth2.client.secret", "s3cret",
        "auth.oauth2.scope", "read items", "auth.oauth2.client.auth.method", clientAuth);
  }
}
