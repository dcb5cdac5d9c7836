package io.streametl.source.http.config;

import java.util.Optional;

/** Joins an endpoint URL to base.url. */
public final class Urls {

  private Urls() {}

  /**
   * {@code url} itself when it is absolute, else {@code base + "/" + url} with exactly one slash
   * between them (not RFC 3986 resolution, which would drop the last segment of the base path).
   */
  public static String join(String base, String url) {
    if (isAbsolute(url) || base == null || base.isEmpty()) {
      return url;
    }
    String left = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    String right = url.startsWith("/") ? url.substring(1) : url;
    return right.isEmpty() ? left : left + "/" + right;
  }

  public static boolean isAbsolute(String url) {
    int colon = url.indexOf("://");
    return colon > 0 && url.substring(0, colon).chars().allMatch(Character::isLetter);
  }

  /** Why the endpoint URL cannot be used, or empty if it resolves to an absolute http(s) URL. */
  static Optional<String> problem(String base, String url) {
    if (base == null && !isAbsolute(url)) {
      return Optional.empty(); // relative to a base.url that is itself wrong
    }
    if (!isAbsolute(url) && (base == null || base.isEmpty())) {
      return Optional.of("'" + url + "' is relative, but base.url is not set; give an absolute URL"
          + " or set base.url");
    }
    return Validators.absoluteUrlProblem(join(base, url));
  }
}
