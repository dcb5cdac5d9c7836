package io.streametl.source.http.fakeapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the fake API asks of its callers: nothing, basic credentials, a bearer token, an API key
 * in a header or the query, or tokens from its OAuth2 token endpoint (which it can revoke, so the
 * next call gets a 401).
 */
public final class FakeAuth {

  /** The token endpoint's answer. */
  record Reply(int status, JsonNode body) {}

  private enum Mode { NONE, BASIC, BEARER, API_KEY_HEADER, API_KEY_QUERY, OAUTH2 }

  private Mode mode = Mode.NONE;
  private boolean denyAll;
  private String name;
  private String secret;
  private String clientId;
  private String clientSecret;
  private long lifetimeSeconds;
  private final Set<String> validTokens = new HashSet<>();
  private final AtomicInteger issued = new AtomicInteger();
  private final Map<String, Integer> tokenRequestsByClientAuth = new HashMap<>();

  public synchronized FakeAuth basic(String user, String password) {
    mode = Mode.BASIC;
    name = user;
    secret = password;
    return this;
  }

  public synchronized FakeAuth bearer(String token) {
    mode = Mode.BEARER;
    secret = token;
    return this;
  }

  public synchronized FakeAuth apiKeyHeader(String header, String key) {
    mode = Mode.API_KEY_HEADER;
    name = header;
    secret = key;
    return this;
  }

  public synchronized FakeAuth apiKeyQuery(String param, String key) {
    mode = Mode.API_KEY_QUERY;
    name = param;
    secret = key;
    return this;
  }

  public synchronized FakeAuth oauth2(String id, String clientSecretValue, long tokenLifetimeSeconds) {
    mode = Mode.OAUTH2;
    clientId = id;
    clientSecret = clientSecretValue;
    lifetimeSeconds = tokenLifetimeSeconds;
    return this;
  }

  /** Every token issued so far stops working: the next API call gets a 401. */
  public synchronized void revokeTokens() {
    validTokens.clear();
  }

  /** Every API call gets a 401 from now on, whatever it presents (the token endpoint still works). */
  public synchronized void denyApiAccess() {
    denyAll = true;
  }

  public int tokensIssued() {
    return issued.get();
  }

  /** How many token requests authenticated by "basic" (header) and by "post" (form body). */
  public synchronized Map<String, Integer> tokenRequestsByClientAuth() {
    return Map.copyOf(tokenRequestsByClientAuth);
  }

  synchronized boolean allows(RecordedRequest request) {
    if (denyAll) {
      return false;
    }
    switch (mode) {
      case BASIC:
        return ("Basic " + base64(name + ":" + secret)).equals(request.header("Authorization"));
      case BEARER:
        return ("Bearer " + secret).equals(request.header("Authorization"));
      case API_KEY_HEADER:
        return secret.equals(request.header(name));
      case API_KEY_QUERY:
        return secret.equals(request.query().get(name));
      case OAUTH2: {
        String header = request.header("Authorization");
        return header != null && header.startsWith("Bearer ")
            && validTokens.contains(header.substring("Bearer ".length()));
      }
      default:
        return true;
    }
  }

  synchronized Reply token(RecordedRequest request) {
    ObjectNode error = JsonNodeFactory.instance.objectNode().put("error", "invalid_client")
        .put("error_description", "client authentication failed");
    Map<String, String> form = form(request.body());
    if (!"client_credentials".equals(form.get("grant_type"))) {
      return new Reply(400, JsonNodeFactory.instance.objectNode().put("error", "unsupported_grant_type"));
    }
    String header = request.header("Authorization");
    String id;
    String presented;
    if (header != null && header.startsWith("Basic ")) {
      String[] pair = new String(Base64.getDecoder().decode(header.substring(6)),
          StandardCharsets.UTF_8).split(":", 2);
      id = URLDecoder.decode(pair[0], StandardCharsets.UTF_8);
      presented = pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : "";
      tokenRequestsByClientAuth.merge("basic", 1, Integer::sum);
    } else {
      id = form.get("client_id");
      presented = form.get("client_secret");
      tokenRequestsByClientAuth.merge("post", 1, Integer::sum);
    }
    if (mode != Mode.OAUTH2 || !clientId.equals(id) || !clientSecret.equals(presented)) {
      return new Reply(401, error);
    }
    String token = "token-" + issued.incrementAndGet();
    validTokens.add(token);
    ObjectNode body = JsonNodeFactory.instance.objectNode()
        .put("access_token", token).put("token_type", "Bearer").put("expires_in", lifetimeSeconds);
    if (form.containsKey("scope")) {
      body.put("scope", form.get("scope"));
    }
    return new Reply(200, body);
  }

  private static Map<String, String> form(String body) {
    Map<String, String> form = new HashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return form;
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
