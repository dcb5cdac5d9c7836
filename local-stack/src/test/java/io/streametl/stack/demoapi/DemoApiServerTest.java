package io.streametl.stack.demoapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DemoApiServerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private DemoApiServer api;

  @AfterEach
  void close() {
    if (api != null) {
      api.close();
    }
  }

  @Test
  void followingTheCursorServesEveryOrderVersionOnce() throws Exception {
    api = new DemoApiServer("t0ken");
    api.add(25);
    api.updateFirst(3);

    Set<String> seen = new HashSet<>();
    String cursor = null;
    int pages = 0;
    do {
      String url = api.baseUrl() + "/orders?limit=10"
          + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
      JsonNode body = JSON.readTree(get(url, "Bearer t0ken").body());
      for (JsonNode item : body.get("data")) {
        assertThat(seen.add(item.get("id").asLong() + "@" + item.get("version").asInt())).isTrue();
      }
      cursor = body.path("meta").path("next_cursor").isNull()
          ? null : body.path("meta").path("next_cursor").asText();
      pages++;
    } while (cursor != null);

    // The latest version of each item; updated items show only their new version.
    assertThat(seen).hasSize(25).contains("1@2", "3@2", "4@1");
    assertThat(pages).isEqualTo(3);
    assertThat(api.servedVersions("orders")).isEqualTo(25); // 1@1, 2@1, 3@1 were never served
    assertThat(api.servedVersions("customers")).isZero();
    assertThat(api.versions("orders")).hasSize(28);
    assertThat(api.totalVersions()).isEqualTo(4 * 25 + 3 * 3);
  }

  @Test
  void requestsWithoutTheTokenAreRefused() throws Exception {
    api = new DemoApiServer("t0ken");

    assertThat(get(api.baseUrl() + "/orders", "Bearer wrong").statusCode()).isEqualTo(401);
    assertThat(get(api.baseUrl() + "/nothing", "Bearer t0ken").statusCode()).isEqualTo(404);
  }

  @Test
  void theCustomersNextLinkNamesTheHostTheClientCalled() throws Exception {
    api = new DemoApiServer("t0ken", "0.0.0.0", 0);
    api.add(3);
    int port = URI.create(api.baseUrl()).getPort();

    // A client in another container calls the API by its service name; the JDK's HttpClient
    // does not let a caller set Host, so the request is written by hand.
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.getOutputStream().write(("GET /api/customers?limit=2 HTTP/1.1\r\nHost: demo-api:8089"
          + "\r\nAuthorization: Bearer t0ken\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      String response = new String(socket.getInputStream().readAllBytes(),
          StandardCharsets.UTF_8);
      assertThat(response).startsWith("HTTP/1.1 200").containsPattern(
          "(?i)link: <http://demo-api:8089/api/customers\\?[^>]*after=[^>]*>; rel=\"next\"");
    }
    HttpResponse<String> local = get(api.baseUrl() + "/customers?limit=2", "Bearer t0ken");
    assertThat(local.headers().firstValue("Link")).hasValueSatisfying(link ->
        assertThat(link).startsWith("<http://127.0.0.1:" + port + "/api/customers?"));
  }

  private HttpResponse<String> get(String url, String authorization) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization)
        .build(), HttpResponse.BodyHandlers.ofString());
  }
}
