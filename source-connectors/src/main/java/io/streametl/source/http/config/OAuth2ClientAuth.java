package io.streametl.source.http.config;

/** How an OAuth2 client authenticates to the token endpoint (RFC 6749, section 2.3.1). */
public enum OAuth2ClientAuth {
  /** client_secret_basic: HTTP Basic with the form-encoded id and secret. */
  BASIC,
  /** client_secret_post: client_id and client_secret in the form body. */
  POST
}
