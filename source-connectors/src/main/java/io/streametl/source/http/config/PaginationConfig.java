package io.streametl.source.http.config;

/** An endpoint's pagination settings; which ones apply depends on the mode. */
public record PaginationConfig(
    PaginationMode mode,
    int maxPagesPerPoll,
    String pageParam,
    long pageStart,
    String offsetParam,
    String sizeParam,
    int size,
    String cursorPointer,
    String cursorParam,
    String nextUrlPointer,
    String hasMorePointer) {}
