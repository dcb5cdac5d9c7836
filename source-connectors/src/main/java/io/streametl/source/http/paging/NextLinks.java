package io.streametl.source.http.paging;

import java.net.URI;
import java.net.URISyntaxException;

/** Resolves next-page links and refuses those that would take the credentials elsewhere. */
final class NextLinks {

  private NextLinks() {}

  static URI follow(URI current, String link) {
    URI next;
    try {
      // java.net.URI follows RFC 2396, which drops the last path segment for a query-only
      // reference; RFC 3986 (which links follow) keeps the path: ?page=2 stays on /items.
      next = link.startsWith("?")
          ? new URI(current.getScheme(), current.getRawAuthority(), null, null, null)
              .resolve(current.getRawPath() + link)
          : current.resolve(new URI(link));
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new BadPageException("the next-page link is not a valid URL");
    }
    if (!UriParams.sameOrigin(current, next)) {
      // Requests carry the credentials: following a link to another host would hand them over.
      throw new BadPageException("the next-page link leads to another scheme, host or port ("
          + next.getScheme() + "://" + next.getHost() + (next.getPort() < 0 ? "" : ":" + next.getPort())
          + "); only links on the endpoint's own origin are followed");
    }
    return next;
  }
}
