package io.streametl.source.http.paging;

import io.streametl.source.http.config.PaginationConfig;

/** Builds the pagination of an endpoint from its settings. */
public final class Paginations {

  private Paginations() {}

  public static Pagination create(PaginationConfig config) {
    StopRules stop = new StopRules(config.hasMorePointer(), config.sizeParam(), config.size());
    switch (config.mode()) {
      case PAGE_NUMBER:
        return new PageNumberPagination(config.pageParam(), config.pageStart(), stop);
      case OFFSET_LIMIT:
        return new OffsetLimitPagination(config.offsetParam(), stop);
      case CURSOR:
        return new CursorPagination(config.cursorPointer(), config.cursorParam(), stop);
      case NEXT_URL:
        return new NextUrlPagination(config.nextUrlPointer(), stop);
      case LINK_HEADER:
        return new LinkHeaderPagination(stop);
      default:
        return new NoPagination();
    }
  }
}
