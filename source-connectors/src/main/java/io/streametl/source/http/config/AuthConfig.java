package io.streametl.source.http.config;

import org.apache.kafka.common.config.types.Password;

/**
 * How requests authenticate. The secrets stay {@link Password}s (whose toString hides them) until
 * the moment a request is built.
 */
public record AuthConfig(
    AuthType type,
    String basicUsername,
    Password basicPassword,
    Password bearerToken,
    Password apiKey,
    String apiKeyName,
    ApiKeyLocation apiKeyLocation,
    String oauth2TokenUrl,
    String oauth2ClientId,
    Password oauth2ClientSecret,
    String oauth2Scope,
    OAuth2ClientAuth oauth2ClientAuth,
    long oauth2RefreshMarginMs) {

  /** The value of a secret that may be unset, as the empty string. */
  public static String reveal(Password secret) {
    return secret == null ? "" : secret.value();
  }
}
