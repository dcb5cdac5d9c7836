package io.streametl.source.http.config;

/** Where an API key travels. */
public enum ApiKeyLocation {
  HEADER,
  QUERY
}
