package io.streametl.source.http.paging;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;

/** The page size sent with requests, and when a counted chain ends, whatever the mode. */
final class StopRules {

  private final JsonPointer hasMore;
  private final String sizeParam;
  private final int size;

  StopRules(String hasMorePointer, String sizeParam, int size) {
    this.hasMore = hasMorePointer.isEmpty() ? null : JsonPointer.compile(hasMorePointer);
    this.sizeParam = sizeParam;
    this.size = size;
  }

  /**
   * Whether the chain ends after this page: it is empty, shorter than the page size asked for,
   * or its has-more flag is false.
   */
  boolean isLast(Page page) {
    if (page.recordCount() == 0) {
      return true;
    }
    if (!sizeParam.isEmpty() && page.recordCount() < size) {
      return true;
    }
    return saysNoMore(page);
  }

  /** Whether the has-more flag, if configured, is false. */
  boolean saysNoMore(Page page) {
    if (hasMore == null || page.body() == null) {
      return false;
    }
    JsonNode flag = page.body().at(hasMore);
    return flag.isBoolean() && !flag.booleanValue()
        || flag.isTextual() && flag.textValue().equalsIgnoreCase("false");
  }

  URI withSize(URI uri) {
    return sizeParam.isEmpty() ? uri : UriParams.set(uri, sizeParam, Integer.toString(size));
  }

  int size() {
    return size;
  }
}
