package io.streametl.source.http.paging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class UriParamsTest {

  @Test
  void setReplacesOrAppendsAndKeepsTheRest() {
    URI uri = URI.create("https://h/p?a=1&page=3&b=x%20y#frag");

    assertThat(UriParams.set(uri, "page", "4")).hasToString("https://h/p?a=1&b=x%20y&page=4#frag");
    assertThat(UriParams.set(URI.create("https://h/p"), "since", "2026-11-21T10:00:00+01:00"))
        .hasToString("https://h/p?since=2026-11-21T10%3A00%3A00%2B01%3A00");
    assertThat(UriParams.get(uri, "b")).isEqualTo("x y");
  }

  @Test
  void removeDropsEveryOccurrence() {
    assertThat(UriParams.remove(URI.create("https://h/p?key=1&a=2&key=3"), "key"))
        .hasToString("https://h/p?a=2");
    assertThat(UriParams.remove(URI.create("https://h/p?key=1"), "key")).hasToString("https://h/p");
  }

  @Test
  void sameOriginComparesSchemeHostAndEffectivePort() {
    assertThat(UriParams.sameOrigin(URI.create("https://h/a"), URI.create("https://H:443/b"))).isTrue();
    assertThat(UriParams.sameOrigin(URI.create("https://h/a"), URI.create("http://h/a"))).isFalse();
    assertThat(UriParams.sameOrigin(URI.create("https://h/a"), URI.create("https://evil/a"))).isFalse();
    assertThat(UriParams.sameOrigin(URI.create("http://h:8080/a"), URI.create("http://h/a"))).isFalse();
  }
}
