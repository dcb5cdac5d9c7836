package io.streametl.source.http.paging;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Sets and removes query parameters of a URI, keeping the others as they are. */
public final class UriParams {

  private UriParams() {}

  /** The URI with {@code name} set to {@code value}, replacing any value it had. */
  public static URI set(URI uri, String name, String value) {
    List<String> pairs = pairsWithout(uri, name);
    pairs.add(encode(name) + "=" + encode(value));
    return withQuery(uri, pairs);
  }

  /** The URI without the parameter {@code name}. */
  public static URI remove(URI uri, String name) {
    return withQuery(uri, pairsWithout(uri, name));
  }

  /** The decoded value of the first {@code name} parameter, or null. */
  public static String get(URI uri, String name) {
    String query = uri.getRawQuery();
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq));
      if (key.equals(name)) {
        return eq < 0 ? "" : decode(pair.substring(eq + 1));
      }
    }
    return null;
  }

  private static List<String> pairsWithout(URI uri, String name) {
    List<String> pairs = new ArrayList<>();
    String query = uri.getRawQuery();
    if (query != null && !query.isEmpty()) {
      for (String pair : query.split("&")) {
        int eq = pair.indexOf('=');
        String key = decode(eq < 0 ? pair : pair.substring(0, eq));
        if (!key.equals(name) && !pair.isEmpty()) {
          pairs.add(pair);
        }
      }
    }
    return pairs;
  }

  private static URI withQuery(URI uri, List<String> pairs) {
    String text = uri.toString();
    int fragment = text.indexOf('#');
    String suffix = fragment < 0 ? "" : text.substring(fragment);
    String head = fragment < 0 ? text : text.substring(0, fragment);
    int question = head.indexOf('?');
    String base = question < 0 ? head : head.substring(0, question);
    return URI.create(pairs.isEmpty() ? base + suffix : base + "?" + String.join("&", pairs) + suffix);
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  /** Whether two URIs share scheme, host and port: where credentials may follow a next link. */
  public static boolean sameOrigin(URI a, URI b) {
    return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme())
        && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost())
        && port(a) == port(b);
  }

  private static int port(URI uri) {
    if (uri.getPort() >= 0) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }
}
