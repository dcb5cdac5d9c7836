package io.streametl.source.http.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streametl.source.http.config.PaginationConfig;
import io.streametl.source.http.config.PaginationMode;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PaginationsTest {

  private static final URI FIRST = URI.create("https://api.example.com/v1/items?status=open");

  private static Pagination of(PaginationMode mode, String sizeParam, String hasMore) {
    return Paginations.create(new PaginationConfig(mode, 10, "page", 1, "offset", sizeParam, 50,
        "/meta/next", "cursor", "/links/next", hasMore));
  }

  private static Page page(String body, int records, String... headers) throws Exception {
    JsonNode json = body == null ? null : new ObjectMapper().readTree(body);
    Map<String, List<String>> map = headers.length == 0 ? Map.of() : Map.of(headers[0], List.of(headers[1]));
    return new Page(URI.create("https://api.example.com/v1/items?status=open&cursor=c1"),
        HttpHeaders.of(map, (a, b) -> true), json, records);
  }

  @Test
  void pageNumbersCountUpAndStopAtAShortPage() throws Exception {
    Pagination pages = of(PaginationMode.PAGE_NUMBER, "per_page", "");

    assertThat(pages.pageUri(FIRST, null)).hasToString(
        "https://api.example.com/v1/items?status=open&per_page=50&page=1");
    assertThat(pages.pageUri(FIRST, "7")).hasToString(
        "https://api.example.com/v1/items?status=open&per_page=50&page=7");
    assertThat(pages.next("7", page("[]", 50))).contains("8");
    assertThat(pages.next("7", page("[]", 49))).isEmpty();
    assertThat(pages.nextWithoutBody("7", page(null, 0))).contains("8");
  }

  @Test
  void withoutASizeParameterOnlyAnEmptyPageOrHasMoreFalseEndsTheChain() throws Exception {
    Pagination pages = of(PaginationMode.PAGE_NUMBER, "", "/has_more");

    assertThat(pages.next(null, page("{\"has_more\": true}", 3))).contains("2");
    assertThat(pages.next(null, page("{\"has_more\": false}", 3))).isEmpty();
    assertThat(pages.next(null, page("{}", 0))).isEmpty();
  }

  @Test
  void offsetsGrowByTheRecordsReceived() throws Exception {
    Pagination offsets = of(PaginationMode.OFFSET_LIMIT, "limit", "");

    assertThat(offsets.pageUri(FIRST, null)).hasToString(
        "https://api.example.com/v1/items?status=open&limit=50&offset=0");
    assertThat(offsets.next("100", page("{}", 50))).contains("150");
    assertThat(offsets.nextWithoutBody("100", page(null, 0))).contains("150");
  }

  @Test
  void cursorsComeFromTheBodyAndGoBackAsAParameter() throws Exception {
    Pagination cursors = of(PaginationMode.CURSOR, "", "");

    assertThat(cursors.pageUri(FIRST, null)).isEqualTo(FIRST);
    assertThat(cursors.pageUri(FIRST, "a b")).hasToString(
        "https://api.example.com/v1/items?status=open&cursor=a%20b");
    assertThat(cursors.next(null, page("{\"meta\": {\"next\": \"c2\"}}", 1))).contains("c2");
    assertThat(cursors.next(null, page("{\"meta\": {\"next\": 42}}", 1))).contains("42");
    assertThat(cursors.next(null, page("{\"meta\": {\"next\": null}}", 1))).isEmpty();
    assertThat(cursors.next(null, page("{\"meta\": {\"next\": \"\"}}", 1))).isEmpty();
    assertThat(cursors.nextWithoutBody(null, page(null, 0))).isEmpty();
    assertThatThrownBy(() -> cursors.next(null, page("{\"meta\": {\"next\": {}}}", 1)))
        .isInstanceOf(BadPageException.class).hasMessageContaining("not a string");
  }

  @Test
  void nextUrlsResolveAgainstThePageAndMustStayOnItsOrigin() throws Exception {
    Pagination next = of(PaginationMode.NEXT_URL, "", "");

    assertThat(next.next(null, page("{\"links\": {\"next\": \"?cursor=c2\"}}", 1)))
        .contains("https://api.example.com/v1/items?cursor=c2");
    assertThat(next.next(null, page("{\"links\": {\"next\": \"/v2/items?p=2\"}}", 1)))
        .contains("https://api.example.com/v2/items?p=2");
    assertThat(next.pageUri(FIRST, "https://api.example.com/v2/items?p=2"))
        .hasToString("https://api.example.com/v2/items?p=2");
    assertThatThrownBy(() -> next.next(null, page("{\"links\": {\"next\": \"https://evil.example.org/steal\"}}", 1)))
        .isInstanceOf(BadPageException.class).hasMessageContaining("another scheme, host or port");
  }

  @Test
  void theLinkHeaderWorksWithoutABody() throws Exception {
    Pagination link = of(PaginationMode.LINK_HEADER, "", "");

    assertThat(link.next(null, page("[]", 0, "Link", "</v1/items?after=9>; rel=\"next\"")))
        .contains("https://api.example.com/v1/items?after=9");
    assertThat(link.nextWithoutBody(null, page(null, 0, "Link", "</v1/items?after=9>; rel=\"next\"")))
        .contains("https://api.example.com/v1/items?after=9");
    assertThat(link.next(null, page("[]", 0))).isEmpty();
  }
}
