package io.streametl.source.http.paging;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Optional;

/** The next-page token from the body, sent back as a parameter, until there is none. */
final class CursorPagination implements Pagination {

  private final JsonPointer pointer;
  private final String param;
  private final StopRules stop;

  CursorPagination(String pointer, String param, StopRules stop) {
    this.pointer = JsonPointer.compile(pointer);
    this.param = param;
    this.stop = stop;
  }

  @Override
  public URI pageUri(URI first, String token) {
    URI sized = stop.withSize(first);
    return token == null ? sized : UriParams.set(sized, param, token);
  }

  @Override
  public Optional<String> next(String token, Page page) {
    JsonNode cursor = page.body().at(pointer);
    if (cursor.isMissingNode() || cursor.isNull() || stop.saysNoMore(page)) {
      return Optional.empty();
    }
    if (!cursor.isValueNode()) {
      throw new BadPageException("the cursor at pagination.cursor.pointer is a "
          + cursor.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + ", not a string");
    }
    String text = cursor.asText();
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
  }

  @Override
  public Optional<String> nextWithoutBody(String token, Page page) {
    return Optional.empty();
  }
}
