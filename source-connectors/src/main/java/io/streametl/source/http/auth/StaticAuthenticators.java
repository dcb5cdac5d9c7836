package io.streametl.source.http.auth;

import io.streametl.source.http.client.HttpRequestSpec;
import io.streametl.source.http.config.ApiKeyLocation;
import io.streametl.source.http.config.AuthConfig;
import io.streametl.source.http.paging.UriParams;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.kafka.common.config.types.Password;

/** The authenticators whose credentials never change: none, basic, bearer, API key. */
final class StaticAuthenticators {

  private StaticAuthenticators() {}

  static Authenticator none() {
    return new Authenticator() {
      @Override
      public HttpRequestSpec authenticate(HttpRequestSpec request) {
        return request;
      }

      @Override
      public String describe() {
        return "no credentials";
      }
    };
  }

  static Authenticator basic(String username, Password password) {
    return new Authenticator() {
      @Override
      public HttpRequestSpec authenticate(HttpRequestSpec request) {
        String pair = username + ":" + AuthConfig.reveal(password);
        return request.withHeader("Authorization", "Basic "
            + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
      }

      @Override
      public String describe() {
        return "basic credentials of user '" + username + "' (auth.basic.*)";
      }
    };
  }

  static Authenticator bearer(Password token) {
    return new Authenticator() {
      @Override
      public HttpRequestSpec authenticate(HttpRequestSpec request) {
        return request.withHeader("Authorization", "Bearer " + AuthConfig.reveal(token));
      }

      @Override
      public String describe() {
        return "the bearer token (auth.bearer.token)";
      }
    };
  }

  static Authenticator apiKey(Password key, String name, ApiKeyLocation location) {
    return new Authenticator() {
      @Override
      public HttpRequestSpec authenticate(HttpRequestSpec request) {
        String value = AuthConfig.reveal(key);
        return location == ApiKeyLocation.HEADER ? request.withHeader(name, value)
            : request.withUri(UriParams.set(request.uri(), name, value));
      }

      @Override
      public URI strip(URI uri) {
        return location == ApiKeyLocation.QUERY ? UriParams.remove(uri, name) : uri;
      }

      @Override
      public String describe() {
        return "the API key in " + (location == ApiKeyLocation.HEADER ? "header" : "parameter")
            + " '" + name + "' (auth.api.key)";
      }
    };
  }
}
