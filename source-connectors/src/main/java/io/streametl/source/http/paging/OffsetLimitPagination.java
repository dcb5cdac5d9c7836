package io.streametl.source.http.paging;

import java.net.URI;
import java.util.Optional;

/**
 * offset=0, then the offset grows by the records each page held (not by the page size asked
 * for, so a server that caps the size lower loses nothing).
 */
final class OffsetLimitPagination implements Pagination {

  private final String param;
  private final StopRules stop;

  OffsetLimitPagination(String param, StopRules stop) {
    this.param = param;
    this.stop = stop;
  }

  private static long offset(String token) {
    return token == null ? 0 : Long.parseLong(token);
  }

  @Override
  public URI pageUri(URI first, String token) {
    return UriParams.set(stop.withSize(first), param, Long.toString(offset(token)));
  }

  @Override
  public Optional<String> next(String token, Page page) {
    return stop.isLast(page) ? Optional.empty()
        : Optional.of(Long.toString(offset(token) + page.recordCount()));
  }

  /** Without a readable body the count is unknown: skip a full page. */
  @Override
  public Optional<String> nextWithoutBody(String token, Page page) {
    return Optional.of(Long.toString(offset(token) + stop.size()));
  }
}
