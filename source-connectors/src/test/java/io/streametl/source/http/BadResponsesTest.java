package io.streametl.source.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streametl.source.http.fakeapi.Dataset;
import io.streametl.source.http.fakeapi.FakeApiServer;
import io.streametl.source.http.fakeapi.Fault;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Responses and records that cannot become records: with bad.response.policy=fail the task fails
 * saying why (never quoting the payload); with error_topic the raw payload goes to the error topic
 * with the reason, in the same poll as the good records, and the sync goes on.
 */
class BadResponsesTest {

  private static final String HTML = "<html><body>maintenance: account 4711 is locked</body></html>";

  private FakeApiServer api;

  @BeforeEach
  void startApi() throws IOException {
    api = FakeApiServer.start(new Dataset().add(30));
  }

  @AfterEach
  void stopApi() {
    api.close();
  }

  private Map<String, String> props(String... settings) {
    return TaskHarness.pageNumberEndpoint(api, Map.of("key.fields", "id"), settings);
  }

  private Map<String, String> toErrorTopic(String... settings) {
    Map<String, String> props = props(settings);
    props.put("bad.response.policy", "error_topic");
    props.put("bad.response.topic", "items-errors");
    return props;
  }

  private List<SourceRecord> sync(Map<String, String> props) throws InterruptedException {
    try (TaskHarness harness = new TaskHarness(props)) {
      return harness.pollTimes(harness.start(), 1);
    }
  }

  private static String header(SourceRecord record, String key) {
    Header header = record.headers().lastWithName(key);
    return header == null ? null : header.value().toString();
  }

  @Test
  void aBodyThatIsNotJsonFailsTheTaskByDefaultWithoutQuotingIt() {
    api.fault("/items", Fault.body(HTML, "text/html"));

    assertThatThrownBy(() -> sync(props())).isInstanceOf(ConnectException.class)
        .hasMessageContaining("Endpoint 'items' (GET " + api.url("/items/page") + "): bad response"
            + " (HTTP 200): the body is not valid JSON (line 1, column 1); Content-Type: text/html")
        .hasMessageContaining("bad.response.policy=error_topic")
        .hasMessageNotContaining("4711");
  }

  @Test
  void aBodyThatIsNotJsonGoesToTheErrorTopicAndThePagesAfterItAreRead() throws Exception {
    api.fault("/items", Fault.pass(), Fault.body(HTML, "text/html"));

    List<SourceRecord> records = sync(toErrorTopic());

    List<SourceRecord> errors = records.stream().filter(r -> r.topic().equals("items-errors")).toList();
    assertThat(Records.ids(records)).containsExactlyElementsOf(
        java.util.stream.Stream.concat(Records.range(1, 10).stream(), Records.range(21, 30).stream())
            .toList());
    assertThat(errors).hasSize(1);
    SourceRecord error = errors.get(0);
    assertThat(records.indexOf(error)).isEqualTo(10); // in page order
    assertThat((byte[]) error.value()).isEqualTo(HTML.getBytes(StandardCharsets.UTF_8));
    assertThat(error.key()).isEqualTo("items");
    assertThat(header(error, "streametl.http.error.reason"))
        .isEqualTo("the body is not valid JSON (line 1, column 1); Content-Type: text/html");
    assertThat(header(error, "streametl.http.error.endpoint")).isEqualTo("items");
    assertThat(header(error, "streametl.http.error.url")).isEqualTo(api.url("/items/page"));
    assertThat(header(error, "streametl.http.error.status")).isEqualTo("200");
    assertThat(header(error, "streametl.http.error.content.type")).isEqualTo("text/html");
    // The error record carries the offset past the bad page: a restart does not fetch it again.
    assertThat(Records.offset(error)).containsEntry("chain", true).containsEntry("page", "3");
  }

  @Test
  void aBadPageEndsACursorChainWhoseNextCursorIsUnknown() throws Exception {
    api.fault("/items", Fault.pass(), Fault.body("{\"data\": [", "application/json"));

    List<SourceRecord> records = sync(toErrorTopic("endpoint.items.url", api.url("/items/cursor"),
        "pagination.mode", "cursor", "records.pointer", "/data",
        "pagination.cursor.pointer", "/meta/next_cursor", "pagination.size.param", "limit"));

    assertThat(Records.ids(records)).containsExactlyElementsOf(Records.range(1, 10));
    SourceRecord error = records.get(records.size() - 1);
    assertThat(header(error, "streametl.http.error.reason")).startsWith("the body is not valid JSON");
    assertThat(Records.offset(error)).containsEntry("chain", false).doesNotContainKey("page");
    assertThat(api.requestsTo("/items")).hasSize(2);
  }

  @Test
  void aBodyWithoutTheRecordsArrayIsAnUnexpectedShape() {
    assertThatThrownBy(() -> sync(props("records.pointer", "/data")))
        .isInstanceOf(ConnectException.class)
        .hasMessageContaining("records.pointer /data: nothing at /data");
  }

  @Test
  void anOversizedBodyGoesToTheErrorTopicCutOffAtTheLimit() throws Exception {
    List<SourceRecord> records = sync(toErrorTopic("http.response.max.bytes", "1024"));

    List<SourceRecord> errors = records.stream().filter(r -> r.topic().equals("items-errors")).toList();
    assertThat(errors).isNotEmpty().allSatisfy(error -> {
      assertThat(header(error, "streametl.http.error.reason"))
          .isEqualTo("the body is larger than http.response.max.bytes (1024 bytes)");
      assertThat((byte[]) error.value()).hasSize(1024);
    });
    // Page numbers go on without the body, but not for ever: three bad pages end the sync.
    assertThat(errors).hasSize(EndpointRunner.MAX_BAD_PAGES_IN_A_ROW);
    assertThat(Records.ids(records)).isEmpty();
  }

  @Test
  void recordsWithoutTheKeyFieldGoToTheErrorTopicOneByOne() throws Exception {
    List<SourceRecord> records = sync(toErrorTopic("key.fields", "note"));

    List<SourceRecord> good = records.stream().filter(r -> r.topic().equals("items")).toList();
    List<SourceRecord> bad = records.stream().filter(r -> r.topic().equals("items-errors")).toList();
    assertThat(Records.ids(good)).containsExactly(3L, 6L, 9L, 12L, 15L, 18L, 21L, 24L, 27L, 30L);
    assertThat(good).extracting(SourceRecord::key).containsOnly("every third item has a note");
    assertThat(bad).hasSize(20).allSatisfy(error -> assertThat(header(error,
        "streametl.http.error.reason")).isEqualTo("the record has no value for key field note (key.fields)"));
    assertThat(new String((byte[]) bad.get(0).value(), StandardCharsets.UTF_8))
        .startsWith("{\"id\":1,\"name\":\"item-1\"");
    // Item 30 ends the last full page; item 29 (bad) is the page's last record but one.
    assertThat(Records.offset(records.get(records.size() - 1))).containsEntry("chain", true);
  }

  @Test
  void aRecordWithoutTheKeyFieldFailsTheTaskByDefaultWithoutQuotingIt() {
    assertThatThrownBy(() -> sync(props("key.fields", "note")))
        .isInstanceOf(ConnectException.class)
        .hasMessageContaining("Endpoint 'items'")
        .hasMessageContaining("bad record on the page: the record has no value for key field note")
        .hasMessageNotContaining("item-1");
  }

  @Test
  void recordsThatAreNotObjectsAreBadRecords() {
    assertThatThrownBy(() -> sync(props("endpoint.items.url", api.url("/items/all"),
        "pagination.mode", "none", "records.pointer", "/0/tags", "key.fields", "")))
        .isInstanceOf(ConnectException.class)
        .hasMessageContaining("the record is a string, not a JSON object");
  }
}
