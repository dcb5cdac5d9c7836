package io.streametl.source.http.config;

/** How an endpoint walks from one page of results to the next. */
public enum PaginationMode {
  /** One request per sync. */
  NONE,
  /** A page number query parameter: 1, 2, 3, ... */
  PAGE_NUMBER,
  /** An offset query parameter advanced by the records received, with an optional limit. */
  OFFSET_LIMIT,
  /** A cursor or next-page token read from the body by JSON Pointer, sent back as a parameter. */
  CURSOR,
  /** The URL of the next page, read from the body by JSON Pointer. */
  NEXT_URL,
  /** The RFC 8288 {@code Link} response header with {@code rel="next"}. */
  LINK_HEADER
}
