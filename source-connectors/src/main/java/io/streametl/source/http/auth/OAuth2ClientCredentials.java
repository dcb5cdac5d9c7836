package io.streametl.source.http.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streametl.source.http.client.ApiResponse;
import io.streametl.source.http.client.HttpRequestSpec;
import io.streametl.source.http.client.RateLimiter;
import io.streametl.source.http.client.Redaction;
import io.streametl.source.http.client.RetryPolicy;
import io.streametl.source.http.client.Transport;
import io.streametl.source.http.config.AuthConfig;
import io.streametl.source.http.config.OAuth2ClientAuth;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OAuth2 client credentials grant (RFC 6749, section 4.4). The token is cached and renewed before
 * it expires (auth.oauth2.refresh.margin.ms, at most half its lifetime) and once after a 401.
 */
final class OAuth2ClientCredentials implements Authenticator {

  private static final Logger log = LoggerFactory.getLogger(OAuth2ClientCredentials.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final AuthConfig config;
  private final URI tokenUri;
  private final Transport transport;
  private final Clock clock;
  private final RateLimiter rateLimiter;
  private String token;
  private long renewAtMs;

  OAuth2ClientCredentials(AuthConfig config, Transport transport, Clock clock, RateLimiter rateLimiter) {
    this.config = config;
    this.tokenUri = URI.create(config.oauth2TokenUrl());
    this.transport = transport;
    this.clock = clock;
    this.rateLimiter = rateLimiter;
  }

  @Override
  public HttpRequestSpec authenticate(HttpRequestSpec request) throws AuthException, InterruptedException {
    if (token == null || clock.millis() >= renewAtMs) {
      obtainToken();
    }
    return request.withHeader("Authorization", "Bearer " + token);
  }

  @Override
  public boolean renewAfterUnauthorized() {
    token = null;
    return true;
  }

  @Override
  public String describe() {
    return "the OAuth2 token of client '" + config.oauth2ClientId() + "' from "
        + Redaction.withoutQuery(tokenUri);
  }

  private void obtainToken() throws AuthException, InterruptedException {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "client_credentials");
    if (!config.oauth2Scope().isBlank()) {
      form.put("scope", config.oauth2Scope());
    }
    HttpRequestSpec request = new HttpRequestSpec("POST", tokenUri,
        Map.of("Content-Type", "application/x-www-form-urlencoded", "Accept", "application/json"),
        null);
    String secret = AuthConfig.reveal(config.oauth2ClientSecret());
    if (config.oauth2ClientAuth() == OAuth2ClientAuth.BASIC) {
      // RFC 6749, 2.3.1: id and secret are form-encoded before they are joined and encoded.
      String pair = formEncode(config.oauth2ClientId()) + ":" + formEncode(secret);
      request = request.withHeader("Authorization", "Basic "
          + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    } else {
      form.put("client_id", config.oauth2ClientId());
      form.put("client_secret", secret);
    }
    String body = form.entrySet().stream()
        .map(e -> formEncode(e.getKey()) + "=" + formEncode(e.getValue()))
        .collect(Collectors.joining("&"));
    request = new HttpRequestSpec(request.method(), request.uri(), request.headers(),
        body.getBytes(StandardCharsets.UTF_8));

    rateLimiter.acquire();
    ApiResponse response;
    try {
      response = transport.send(request);
    } catch (IOException e) {
      throw new AuthException("OAuth2 token request to " + Redaction.withoutQuery(tokenUri)
          + " failed: " + e.getClass().getSimpleName(), true, OptionalLong.empty());
    }
    long now = clock.millis();
    if (!response.isSuccess()) {
      boolean retriable = RetryPolicy.isRetriable(response.status());
      throw new AuthException("OAuth2 token request to " + Redaction.withoutQuery(tokenUri)
          + " failed with HTTP " + response.status() + errorCode(response)
          + (retriable ? "" : "; check auth.oauth2.client.id, auth.oauth2.client.secret and"
              + " auth.oauth2.scope"),
          retriable, RetryPolicy.retryAfterMs(response, now));
    }
    JsonNode json = parse(response);
    JsonNode accessToken = json.path("access_token");
    String type = json.path("token_type").asText("bearer");
    if (!accessToken.isTextual() || accessToken.textValue().isEmpty()) {
      throw new AuthException("OAuth2 token response from " + Redaction.withoutQuery(tokenUri)
          + " has no access_token", false, OptionalLong.empty());
    }
    if (!type.toLowerCase(Locale.ROOT).equals("bearer")) {
      throw new AuthException("OAuth2 token response from " + Redaction.withoutQuery(tokenUri)
          + " has token_type '" + type + "'; only bearer tokens are supported", false,
          OptionalLong.empty());
    }
    token = accessToken.textValue();
    long lifetimeMs = lifetimeMs(json.path("expires_in"));
    renewAtMs = lifetimeMs < 0 ? Long.MAX_VALUE
        : now + Math.max(lifetimeMs - config.oauth2RefreshMarginMs(), lifetimeMs / 2);
    log.info("Obtained {} (valid for {} s)", describe(),
        lifetimeMs < 0 ? "unstated" : Long.toString(lifetimeMs / 1000));
  }

  private static long lifetimeMs(JsonNode expiresIn) {
    if (expiresIn.isNumber() || expiresIn.isTextual() && expiresIn.asText().matches("\\d+")) {
      return expiresIn.asLong() * 1000;
    }
    return -1;
  }

  private JsonNode parse(ApiResponse response) throws AuthException {
    try {
      JsonNode json = JSON.readTree(response.body());
      if (json == null || !json.isObject()) {
        throw new IOException("not an object");
      }
      return json;
    } catch (IOException e) {
      throw new AuthException("OAuth2 token response from " + Redaction.withoutQuery(tokenUri)
          + " is not a JSON object", false, OptionalLong.empty());
    }
  }

  /** The OAuth2 error code (invalid_client, ...), which is safe to show; never the description. */
  private static String errorCode(ApiResponse response) {
    try {
      JsonNode error = JSON.readTree(response.body()).path("error");
      String code = error.asText("");
      return code.matches("[a-z_]{1,64}") ? " (" + code + ")" : "";
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  private static String formEncode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
