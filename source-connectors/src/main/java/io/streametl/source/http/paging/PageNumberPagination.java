package io.streametl.source.http.paging;

import java.net.URI;
import java.util.Optional;

/** page=1, 2, 3, ... until an empty or short page (or has-more false). */
final class PageNumberPagination implements Pagination {

  private final String param;
  private final long start;
  private final StopRules stop;

  PageNumberPagination(String param, long start, StopRules stop) {
    this.param = param;
    this.start = start;
    this.stop = stop;
  }

  private long number(String token) {
    return token == null ? start : Long.parseLong(token);
  }

  @Override
  public URI pageUri(URI first, String token) {
    return UriParams.set(stop.withSize(first), param, Long.toString(number(token)));
  }

  @Override
  public Optional<String> next(String token, Page page) {
    return stop.isLast(page) ? Optional.empty() : Optional.of(Long.toString(number(token) + 1));
  }

  @Override
  public Optional<String> nextWithoutBody(String token, Page page) {
    return Optional.of(Long.toString(number(token) + 1));
  }
}
