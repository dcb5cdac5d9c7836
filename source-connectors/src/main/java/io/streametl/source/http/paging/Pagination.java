package io.streametl.source.http.paging;

import java.net.URI;
import java.util.Optional;

/**
 * How an endpoint walks its pages. A position in a chain is a token (a page number, an offset, a
 * cursor or a URL) that the source offset stores, so a restart resumes the chain; the first page
 * has the token null.
 */
public interface Pagination {

  /** The URI of the page at {@code token}, built from the first page's URI. */
  URI pageUri(URI first, String token);

  /**
   * The token of the next page, or empty when this page ends the chain.
   *
   * @throws BadPageException when the body points at a next page that must not be followed
   */
  Optional<String> next(String token, Page page);

  /**
   * For a page whose body is not usable: the next token if this mode knows it without the body
   * (page numbers, offsets by page size, the Link header), else empty to end the chain.
   */
  Optional<String> nextWithoutBody(String token, Page page);
}
