package io.streametl.source.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.streametl.source.http.fakeapi.Dataset;
import io.streametl.source.http.fakeapi.FakeApiServer;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every pagination mode against the fake API: all records, once each, in as many requests as pages. */
class PaginationModesTest {

  private static final int ITEMS = 95; // 5 pages of 20, the last one short

  private FakeApiServer api;

  @BeforeEach
  void startApi() throws IOException {
    api = FakeApiServer.start(new Dataset().add(ITEMS));
  }

  @AfterEach
  void stopApi() {
    api.close();
  }

  static Stream<Arguments> modes() {
    return Stream.of(
        Arguments.of("page_number", "/items/page", Map.of(
            "pagination.mode", "page_number", "pagination.size.param", "per_page",
            "pagination.size", "20"), 5),
        Arguments.of("offset_limit", "/items/offset", Map.of(
            "pagination.mode", "offset_limit", "records.pointer", "/results",
            "pagination.size.param", "limit", "pagination.size", "20"), 5),
        Arguments.of("cursor", "/items/cursor", Map.of(
            "pagination.mode", "cursor", "records.pointer", "/data",
            "pagination.cursor.pointer", "/meta/next_cursor", "pagination.size.param", "limit",
            "pagination.size", "20"), 5),
        Arguments.of("next_url", "/items/next", Map.of(
            "pagination.mode", "next_url", "records.pointer", "/items",
            "pagination.next.url.pointer", "/links/next", "pagination.size.param", "limit",
            "pagination.size", "20"), 5),
        Arguments.of("link_header", "/items/link", Map.of(
            "pagination.mode", "link_header", "pagination.size.param", "limit",
            "pagination.size", "20"), 5),
        Arguments.of("nested arrays by wildcard", "/items/nested", Map.of(
            "pagination.mode", "page_number", "records.pointer", "/data/groups/*/items",
            "pagination.size.param", "per_page", "pagination.size", "20"), 5),
        Arguments.of("none", "/items/all", Map.of(), 1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("modes")
  void everyRecordOnceInOneRequestPerPage(String mode, String path, Map<String, String> settings,
      int pages) throws InterruptedException {
    try (TaskHarness harness = new TaskHarness(props(path, settings))) {
      HttpSourceTask task = harness.start();

      List<SourceRecord> records = harness.pollUntil(task, r -> r.size() >= ITEMS, 20);

      assertThat(Records.ids(records)).containsExactlyInAnyOrderElementsOf(Records.range(1, ITEMS));
      assertThat(api.requestsTo(path)).hasSize(pages);
      assertThat(records).allSatisfy(r -> assertThat(r.topic()).isEqualTo("items"));
      assertThat(records).extracting(SourceRecord::key).doesNotHaveDuplicates();
      // The sync is complete: the last record's offset says no chain is running.
      assertThat(Records.offset(records.get(records.size() - 1))).containsEntry("chain", false);
    }
  }

  @Test
  void aPollFetchesAtMostTheConfiguredPagesAndTheChainGoesOnInTheNextPoll() throws InterruptedException {
    Map<String, String> settings = new HashMap<>(Map.of("pagination.mode", "page_number",
        "pagination.size.param", "per_page", "pagination.size", "20",
        "pagination.max.pages.per.poll", "2"));
    try (TaskHarness harness = new TaskHarness(props("/items/page", settings))) {
      HttpSourceTask task = harness.start();

      List<SourceRecord> first = TaskHarness.poll(task);
      List<SourceRecord> second = TaskHarness.poll(task);
      List<SourceRecord> third = TaskHarness.poll(task);

      assertThat(List.of(first.size(), second.size(), third.size())).containsExactly(40, 40, 15);
      assertThat(Records.offset(first.get(39))).containsEntry("chain", true).containsEntry("page", "3");
      assertThat(api.requestsTo("/items/page")).extracting(r -> r.query().get("page"))
          .containsExactly("1", "2", "3", "4", "5");
    }
  }

  @Test
  void linkHeaderAndNextUrlPagesAreFollowedAsTheServerWroteThem() throws InterruptedException {
    try (TaskHarness harness = new TaskHarness(props("/items/next?limit=30", Map.of(
        "pagination.mode", "next_url", "records.pointer", "/items",
        "pagination.next.url.pointer", "/links/next")))) {
      harness.pollUntil(harness.start(), r -> r.size() >= ITEMS, 10);

      // The server's relative next links carry its own keyset parameter, resolved against the page.
      assertThat(api.requestsTo("/items/next")).hasSize(4)
          .allSatisfy(r -> assertThat(r.query()).containsEntry("limit", "30"))
          .extracting(r -> r.query().containsKey("after")).containsExactly(false, true, true, true);
    }
  }

  private Map<String, String> props(String path, Map<String, String> settings) {
    Map<String, String> props = new HashMap<>();
    props.put("endpoints", "items");
    props.put("endpoint.items.url", api.url(path));
    props.put("endpoint.items.key.fields", "id");
    settings.forEach((key, value) -> props.put("endpoint.items." + key, value));
    return props;
  }
}
