package io.streametl.source.http.paging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LinkHeaderTest {

  @Test
  void findsTheNextLinkAmongOthers() {
    String github = "<https://api.github.com/repositories/1/issues?page=2>; rel=\"next\","
        + " <https://api.github.com/repositories/1/issues?page=5>; rel=\"last\"";

    assertThat(LinkHeader.target(List.of(github), "next"))
        .contains("https://api.github.com/repositories/1/issues?page=2");
    assertThat(LinkHeader.target(List.of(github), "prev")).isEmpty();
  }

  @Test
  void readsQuotedParametersWithCommasSeveralRelationsAndAnyCase() {
    String header = "<https://h/1>; title=\"a, b; c\"; rel=\"prev first\","
        + " </items?after=x>; REL=\"Next Last\"";

    assertThat(LinkHeader.target(List.of(header), "next")).contains("/items?after=x");
    assertThat(LinkHeader.target(List.of(header), "first")).contains("https://h/1");
  }

  @Test
  void unquotedRelsAndSeveralHeaderValuesWork() {
    assertThat(LinkHeader.target(List.of("<https://h/0>; rel=first", "<https://h/2>;rel=next"), "next"))
        .contains("https://h/2");
    assertThat(LinkHeader.target(List.of("garbage without links"), "next")).isEmpty();
  }
}
