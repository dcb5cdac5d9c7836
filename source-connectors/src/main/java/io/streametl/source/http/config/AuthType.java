package io.streametl.source.http.config;

/** How requests authenticate. */
public enum AuthType {
  NONE,
  BASIC,
  BEARER,
  API_KEY,
  OAUTH2
}
