package io.streametl.source.mqtt.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** The broker address: {@code tcp://host:port} or {@code ssl://host:port} (mqtt:// and mqtts:// too). */
public record ServerUri(String host, int port, boolean tls) {

  static final int DEFAULT_PORT = 1883;
  static final int DEFAULT_TLS_PORT = 8883;

  /** @throws IllegalArgumentException with what is wrong */
  public static ServerUri parse(String text) {
    String value = text == null ? "" : text.trim();
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("'" + value + "' is not a URI: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    boolean tls;
    switch (scheme) {
      case "tcp":
      case "mqtt":
        tls = false;
        break;
      case "ssl":
      case "mqtts":
        tls = true;
        break;
      default:
        throw new IllegalArgumentException("'" + value + "' must start with tcp:// or ssl://"
            + " (like tcp://broker:1883 or ssl://broker:8883)");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new IllegalArgumentException("'" + value + "' has no host");
    }
    if (uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/")) {
      throw new IllegalArgumentException("'" + value + "' must not have a path");
    }
    int port = uri.getPort() < 0 ? (tls ? DEFAULT_TLS_PORT : DEFAULT_PORT) : uri.getPort();
    String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1)
        : uri.getHost();
    return new ServerUri(host, port, tls);
  }

  static Optional<String> problem(String text) {
    try {
      parse(text);
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }

  @Override
  public String toString() {
    return (tls ? "ssl://" : "tcp://") + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
