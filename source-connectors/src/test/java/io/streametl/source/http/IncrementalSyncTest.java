package io.streametl.source.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streametl.source.http.fakeapi.Dataset;
import io.streametl.source.http.fakeapi.FakeApiServer;
import io.streametl.source.http.fakeapi.RecordedRequest;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Incremental sync against an API whose records change over time. */
class IncrementalSyncTest {

  private FakeApiServer api;

  @BeforeEach
  void startApi() throws IOException {
    api = FakeApiServer.start(new Dataset().add(30));
  }

  @AfterEach
  void stopApi() {
    api.close();
  }

  private Map<String, String> props(String path, String... settings) {
    Map<String, String> props = new HashMap<>();
    props.put("endpoints", "items");
    props.put("endpoint.items.url", api.url(path));
    props.put("endpoint.items.key.fields", "id");
    props.put("pagination.mode", "page_number");
    props.put("pagination.size.param", "per_page");
    props.put("pagination.size", "10");
    props.put("watermark.field", "updated_at");
    props.put("poll.interval.ms", "60000");
    for (int i = 0; i < settings.length; i += 2) {
      props.put(settings[i], settings[i + 1]);
    }
    return props;
  }

  /** Runs a sync to its end (a poll that returns the last page), committing as it goes. */
  private static List<SourceRecord> sync(TaskHarness harness, HttpSourceTask task)
      throws InterruptedException {
    harness.clock.advance(60_000);
    return harness.pollTimes(task, 1);
  }

  @Test
  void eachSyncAsksFromTheHighestWatermarkAndEmitsOnlyWhatIsNew() throws Exception {
    try (TaskHarness harness = new TaskHarness(props("/items/page", "watermark.param", "updated_since",
        "pagination.max.pages.per.poll", "100"))) {
      HttpSourceTask task = harness.start();
      List<SourceRecord> first = harness.pollTimes(task, 1);
      String highest = api.dataset().items().get(29).updatedAt().toString();

      api.dataset().add(4).update(7);
      List<SourceRecord> second = sync(harness, task);
      List<SourceRecord> third = sync(harness, task);

      assertThat(Records.ids(first)).containsExactlyElementsOf(Records.range(1, 30));
      assertThat(Records.ids(second)).containsExactly(31L, 32L, 33L, 34L, 7L);
      assertThat(third).isEmpty();
      List<RecordedRequest> requests = api.requestsTo("/items/page");
      assertThat(requests.get(0).query()).doesNotContainKey("updated_since");
      // The second sync asks from the last record of the first, which it then drops as seen.
      assertThat(requests).filteredOn(r -> r.query().get("page").equals("1")).extracting(
          r -> r.query().get("updated_since")).containsExactly(null, highest,
          api.dataset().items().get(33).updatedAt().toString());
    }
  }

  @Test
  void theOverlapWindowCatchesLateRecordsAndDropsTheOnesAlreadyEmitted() throws Exception {
    try (TaskHarness harness = new TaskHarness(props("/items/page", "watermark.param", "updated_since",
        "watermark.overlap", "10000", "pagination.max.pages.per.poll", "100"))) {
      HttpSourceTask task = harness.start();
      harness.pollTimes(task, 1);

      Dataset.Item late = api.dataset().addLate(4); // committed late, stamped 4 s before the top
      List<SourceRecord> second = sync(harness, task);

      assertThat(Records.ids(second)).containsExactly(late.id());
      assertThat(api.requestsTo("/items/page").get(api.requestsTo("/items/page").size() - 1)
          .query().get("updated_since")).isEqualTo(Dataset.START.plusSeconds(29 - 10).toString());
    }
  }

  @Test
  void aBurstOfRecordsAtOneWatermarkAcrossPageBoundariesIsEmittedOnce() throws Exception {
    api.dataset().addBurst(25); // 25 records share one updated_at: 3 pages of 10
    try (TaskHarness harness = new TaskHarness(props("/items/page", "watermark.param", "updated_since",
        "pagination.max.pages.per.poll", "100"))) {
      HttpSourceTask task = harness.start();
      List<SourceRecord> first = harness.pollTimes(task, 1);
      List<SourceRecord> second = sync(harness, task);

      assertThat(Records.ids(first)).containsExactlyElementsOf(Records.range(1, 55));
      assertThat(second).isEmpty();
      JsonNode ids = new ObjectMapper().readTree((String) Records.offset(first.get(54)).get("wm_ids"));
      assertThat(ids.size()).isEqualTo(1);
      assertThat(ids.get(api.dataset().items().get(54).updatedAt().toString()).size())
          .isEqualTo(25);
    }
  }

  @Test
  void anInitialWatermarkLimitsTheFirstSync() throws Exception {
    String initial = Dataset.START.plusSeconds(20).toString();
    try (TaskHarness harness = new TaskHarness(props("/items/page", "watermark.param",
        "updated_since", "watermark.initial", initial, "pagination.max.pages.per.poll", "100"))) {
      List<SourceRecord> first = harness.pollTimes(harness.start(), 1);

      assertThat(Records.ids(first)).containsExactlyElementsOf(Records.range(21, 30));
      assertThat(api.requestsTo("/items/page").get(0).query()).containsEntry("updated_since", initial);
    }
  }

  @Test
  void theWatermarkCanTravelInTheUrlTheBodyOrAHeader() throws Exception {
    Map<String, String> props = props("/items/search?updated_since=${watermark}",
        "endpoint.items.method", "post",
        "endpoint.items.body", "{\"updated_since\": \"${watermark}\", \"endpoint\": \"${endpoint}\"}",
        "endpoint.items.header.X-Since", "${watermark}",
        "pagination.max.pages.per.poll", "100");
    try (TaskHarness harness = new TaskHarness(props)) {
      HttpSourceTask task = harness.start();
      harness.pollTimes(task, 1);
      api.dataset().add(2);
      List<SourceRecord> second = sync(harness, task);

      String highest = Dataset.START.plusSeconds(29).toString();
      RecordedRequest last = api.requestsTo("/items/search").get(api.requestsTo("/items/search").size() - 1);
      assertThat(Records.ids(second)).containsExactly(31L, 32L);
      assertThat(last.method()).isEqualTo("POST");
      assertThat(last.query()).containsEntry("updated_since", highest);
      assertThat(last.body()).isEqualTo("{\"updated_since\": \"" + highest + "\", \"endpoint\": \"items\"}");
      assertThat(last.header("X-Since")).isEqualTo(highest);
      assertThat(last.header("Content-Type")).isEqualTo("application/json");
    }
  }

  @Test
  void anApiThatServesNewestFirstLosesNothing() throws Exception {
    try (TaskHarness harness = new TaskHarness(props("/items/desc", "watermark.param", "updated_since",
        "pagination.max.pages.per.poll", "1"))) {
      HttpSourceTask task = harness.start();
      List<SourceRecord> first = harness.pollTimes(task, 4); // three pages and the empty fourth
      api.dataset().add(13).update(2);
      harness.clock.advance(60_000);
      List<SourceRecord> second = harness.pollTimes(task, 4);

      assertThat(Records.ids(first)).containsExactlyInAnyOrderElementsOf(Records.range(1, 30));
      assertThat(Records.ids(second)).containsExactlyInAnyOrderElementsOf(
          List.of(31L, 32L, 33L, 34L, 35L, 36L, 37L, 38L, 39L, 40L, 41L, 42L, 43L, 2L));
    }
  }

  @Test
  void anIncreasingIdIsAWatermarkToo() throws Exception {
    try (TaskHarness harness = new TaskHarness(props("/items/page", "watermark.field", "id",
        "watermark.type", "number", "watermark.param", "since_id",
        "pagination.max.pages.per.poll", "100"))) {
      HttpSourceTask task = harness.start();
      harness.pollTimes(task, 1);
      api.dataset().add(3);
      List<SourceRecord> second = sync(harness, task);

      assertThat(Records.ids(second)).containsExactly(31L, 32L, 33L);
      assertThat(Records.offset(second.get(2))).containsEntry("wm", "33");
    }
  }

  @Test
  void withoutAParameterTheSyncFiltersOnThisSide() throws Exception {
    try (TaskHarness harness = new TaskHarness(props("/items/all", "pagination.mode", "none"))) {
      HttpSourceTask task = harness.start();
      harness.pollTimes(task, 1);
      api.dataset().add(2).update(11);
      List<SourceRecord> second = sync(harness, task);

      assertThat(Records.ids(second)).containsExactly(31L, 32L, 11L);
      assertThat(api.requestsTo("/items/all")).allSatisfy(r -> assertThat(r.query()).isEmpty());
    }
  }
}
