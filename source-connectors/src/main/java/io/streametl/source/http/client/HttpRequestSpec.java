package io.streametl.source.http.client;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request to send: immutable, so authentication and retries derive new ones from it.
 *
 * @param body the request body, or null for none
 */
public record HttpRequestSpec(String method, URI uri, Map<String, String> headers, byte[] body) {

  public HttpRequestSpec {
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  public static HttpRequestSpec get(URI uri) {
    return new HttpRequestSpec("GET", uri, Map.of(), null);
  }

  /** This request with the header set, replacing any value of the same name (in any case). */
  public HttpRequestSpec withHeader(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
    copy.put(name, value);
    return new HttpRequestSpec(method, uri, copy, body);
  }

  public HttpRequestSpec withUri(URI newUri) {
    return new HttpRequestSpec(method, newUri, headers, body);
  }

  /** For logs and messages: the method and the URI without its query (which may hold a key). */
  public String describe() {
    return method + " " + Redaction.withoutQuery(uri);
  }

  @Override
  public String toString() {
    return describe(); // never the headers: they may hold credentials
  }
}
