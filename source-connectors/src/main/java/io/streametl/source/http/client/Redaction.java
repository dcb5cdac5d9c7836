package io.streametl.source.http.client;

import java.net.URI;

/** What of a URI may appear in logs, messages and headers: never the query or user info. */
public final class Redaction {

  private Redaction() {}

  public static String withoutQuery(URI uri) {
    StringBuilder out = new StringBuilder();
    if (uri.getScheme() != null) {
      out.append(uri.getScheme()).append("://");
    }
    if (uri.getHost() != null) {
      out.append(uri.getHost());
    }
    if (uri.getPort() >= 0) {
      out.append(':').append(uri.getPort());
    }
    if (uri.getRawPath() != null) {
      out.append(uri.getRawPath());
    }
    return out.toString();
  }
}
