package io.streametl.source.http.auth;

import io.streametl.source.http.client.RateLimiter;
import io.streametl.source.http.client.Transport;
import io.streametl.source.http.config.AuthConfig;
import java.time.Clock;

/** Builds the authenticator of a connector's auth settings. */
public final class Authenticators {

  private Authenticators() {}

  public static Authenticator create(AuthConfig config, Transport transport, Clock clock,
      RateLimiter rateLimiter) {
    switch (config.type()) {
      case BASIC:
        return StaticAuthenticators.basic(config.basicUsername(), config.basicPassword());
      case BEARER:
        return StaticAuthenticators.bearer(config.bearerToken());
      case API_KEY:
        return StaticAuthenticators.apiKey(config.apiKey(), config.apiKeyName(),
            config.apiKeyLocation());
      case OAUTH2:
        return new OAuth2ClientCredentials(config, transport, clock, rateLimiter);
      default:
        return StaticAuthenticators.none();
    }
  }
}
