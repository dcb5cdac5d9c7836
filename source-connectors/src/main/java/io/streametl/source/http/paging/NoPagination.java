package io.streametl.source.http.paging;

import java.net.URI;
import java.util.Optional;

/** One request per sync. */
final class NoPagination implements Pagination {

  @Override
  public URI pageUri(URI first, String token) {
    return first;
  }

  @Override
  public Optional<String> next(String token, Page page) {
    return Optional.empty();
  }

  @Override
  public Optional<String> nextWithoutBody(String token, Page page) {
    return Optional.empty();
  }
}
