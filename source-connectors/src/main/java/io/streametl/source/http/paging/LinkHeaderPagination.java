package io.streametl.source.http.paging;

import java.net.URI;
import java.util.Optional;

/** The RFC 8288 Link header's rel="next" target, until there is none. */
final class LinkHeaderPagination implements Pagination {

  private final StopRules stop;

  LinkHeaderPagination(StopRules stop) {
    this.stop = stop;
  }

  @Override
  public URI pageUri(URI first, String token) {
    return token == null ? stop.withSize(first) : URI.create(token);
  }

  @Override
  public Optional<String> next(String token, Page page) {
    return stop.saysNoMore(page) ? Optional.empty() : nextWithoutBody(token, page);
  }

  @Override
  public Optional<String> nextWithoutBody(String token, Page page) {
    return LinkHeader.target(page.headers().allValues("Link"), "next")
        .map(link -> NextLinks.follow(page.requestUri(), link).toString());
  }
}
