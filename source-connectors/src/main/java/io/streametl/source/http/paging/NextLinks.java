package io.streametl.source.http.paging;

import java.net.URI;
import java.net.URISyntaxException;

/** Resolves next-page links and refuses those that would take the credentials elsewhere. */
final class NextLinks {

  private NextLinks() {}

  static URI follow(URI current, String link) {
    URI next;
    try {
      next = current.resolve(new URI(link));
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
