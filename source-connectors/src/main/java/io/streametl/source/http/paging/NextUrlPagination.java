package io.streametl.source.http.paging;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Optional;

/** The next page's URL from the body, followed as it is, until there is none. */
final class NextUrlPagination implements Pagination {

  private final JsonPointer pointer;
  private final StopRules stop;

  NextUrlPagination(String pointer, StopRules stop) {
    this.pointer = JsonPointer.compile(pointer);
    this.stop = stop;
  }

  @Override
  public URI pageUri(URI first, String token) {
    return token == null ? stop.withSize(first) : URI.create(token);
  }

  @Override
  public Optional<String> next(String token, Page page) {
    JsonNode next = page.body().at(pointer);
    if (next.isMissingNode() || next.isNull() || stop.saysNoMore(page)) {
      return Optional.empty();
    }
    if (!next.isTextual()) {
      throw new BadPageException("the value at pagination.next.url.pointer is not a string");
    }
    return next.textValue().isEmpty() ? Optional.empty()
        : Optional.of(NextLinks.follow(page.requestUri(), next.textValue()).toString());
  }

  @Override
  public Optional<String> nextWithoutBody(String token, Page page) {
    return Optional.empty();
  }
}
