package io.streametl.source.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.streametl.source.http.fakeapi.Dataset;
import io.streametl.source.http.fakeapi.FakeApiServer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Crashes at every point of a sync and restarts from the stored offsets, the way Connect commits
 * them: with exactly-once support whole polls (records and offsets in one transaction), without it
 * the offset of any acknowledged record. Exactly-once: every item version lands once. At least
 * once: none is lost, and only the records of the page in flight at the crash come again.
 */
class RestartTest {

  private static final int ITEMS = 47;
  private static final int PAGE = 10;

  /** Cursor pagination with incremental sync: the chain position and the watermark both matter. */
  private static Map<String, String> props(FakeApiServer api) {
    Map<String, String> props = new HashMap<>();
    props.put("endpoints", "items");
    props.put("endpoint.items.url", api.url("/items/cursor"));
    props.put("endpoint.items.records.pointer", "/data");
    props.put("endpoint.items.key.fields", "id");
    props.put("pagination.mode", "cursor");
    props.put("pagination.cursor.pointer", "/meta/next_cursor");
    props.put("pagination.size.param", "limit");
    props.put("pagination.size", Integer.toString(PAGE));
    props.put("pagination.max.pages.per.poll", "1");
    props.put("watermark.field", "updated_at");
    props.put("watermark.param", "updated_since");
    props.put("poll.interval.ms", "5000");
    return props;
  }

  /** The first sync (5 pages, one per poll) crashes after {@code committedPolls} committed polls. */
  @ParameterizedTest(name = "crash after {0} committed polls")
  @ValueSource(ints = {0, 1, 2, 3, 4, 5})
  void exactlyOnceAcrossACrashInTheFirstSync(int committedPolls) throws Exception {
    try (FakeApiServer api = FakeApiServer.start(new Dataset().add(ITEMS))) {
      Set<String> expected = versions(api.dataset().items());
      List<SourceRecord> written = new ArrayList<>();
      InMemoryOffsets offsets;
      try (TaskHarness first = new TaskHarness(props(api))) {
        HttpSourceTask task = first.start();
        written.addAll(first.pollTimes(task, committedPolls));
        TaskHarness.poll(task); // in flight at the crash: its transaction never commits
        offsets = first.offsets;
      }

      written.addAll(resume(props(api), offsets, expected.size() - written.size()));

      assertThat(versionsOf(written)).hasSameSizeAs(written).containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  /**
   * The second sync (new items, updates, and a record that shows up late inside the overlap
   * window) crashes after {@code committedPolls} of its polls.
   */
  @ParameterizedTest(name = "crash after {0} committed polls of the second sync")
  @ValueSource(ints = {0, 1, 2, 3})
  void exactlyOnceAcrossACrashInAnIncrementalSync(int committedPolls) throws Exception {
    try (FakeApiServer api = FakeApiServer.start(new Dataset().add(ITEMS))) {
      Map<String, String> props = props(api);
      props.put("watermark.overlap", "10000"); // ten seconds of updated_at
      Set<String> expected = versions(api.dataset().items());
      List<SourceRecord> written = new ArrayList<>();
      InMemoryOffsets offsets;
      try (TaskHarness first = new TaskHarness(props)) {
        HttpSourceTask task = first.start();
        written.addAll(first.pollUntil(task, r -> r.size() >= ITEMS, 10));
        api.dataset().add(12).update(3).update(40).addLate(5);
        expected.addAll(versions(api.dataset().items()));
        first.clock.advance(5000); // the next sync is due
        written.addAll(first.pollTimes(task, committedPolls));
        TaskHarness.poll(task);
        offsets = first.offsets;
      }

      written.addAll(resume(props, offsets, expected.size() - written.size()));

      assertThat(versionsOf(written)).hasSameSizeAs(written).containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  /**
   * Without exactly-once support Connect commits the offset of the last acknowledged record, which
   * may sit in the middle of a page: crash there, and the page is read again (never skipped).
   */
  @Test
  void atLeastOnceAcrossACrashInTheMiddleOfAnyPage() throws Exception {
    for (int acked = 1; acked < ITEMS; acked += 3) {
      try (FakeApiServer api = FakeApiServer.start(new Dataset().add(ITEMS))) {
        Set<String> expected = versions(api.dataset().items());
        List<SourceRecord> sent = new ArrayList<>();
        InMemoryOffsets offsets = new InMemoryOffsets();
        try (TaskHarness first = new TaskHarness(props(api), offsets)) {
          HttpSourceTask task = first.start();
          while (sent.size() < acked) {
            sent.addAll(TaskHarness.poll(task));
          }
          offsets.commit(sent.subList(0, acked)); // acknowledged so far; the rest is lost
        }
        List<SourceRecord> written = new ArrayList<>(sent.subList(0, acked));

        written.addAll(resume(props(api), offsets, ITEMS - acked + PAGE));

        List<String> all = versionsOf(written);
        assertThat(new HashSet<>(all)).as("after %d acknowledged", acked).isEqualTo(expected);
        int pageStart = (acked - 1) / PAGE * PAGE;
        assertThat(all.size() - expected.size()).as("duplicates after %d acknowledged", acked)
            .isEqualTo(acked % PAGE == 0 ? 0 : acked - pageStart);
      }
    }
  }

  /** Resumes from the stored offsets until {@code count} more records came, then one more sync. */
  private static List<SourceRecord> resume(Map<String, String> props, InMemoryOffsets offsets,
      int count) throws InterruptedException {
    try (TaskHarness second = new TaskHarness(props, offsets)) {
      HttpSourceTask task = second.start();
      List<SourceRecord> records = second.pollUntil(task, r -> r.size() >= count, 30);
      second.clock.advance(5000);
      records.addAll(second.pollTimes(task, 6)); // a later sync finds nothing new
      return records;
    }
  }

  private static Set<String> versions(List<Dataset.Item> items) {
    Set<String> versions = new HashSet<>();
    items.forEach(item -> versions.add(item.id() + "@" + item.version()));
    return versions;
  }

  private static List<String> versionsOf(List<SourceRecord> records) {
    List<String> versions = new ArrayList<>();
    for (SourceRecord record : records) {
      Struct value = (Struct) record.value();
      versions.add(value.getInt64("id") + "@" + value.getInt64("version"));
    }
    return versions;
  }
}
