package io.streametl.source.http.config;

/** The request methods an endpoint may use: GET, or POST for query APIs that take a body. */
public enum HttpMethod {
  GET,
  POST
}
