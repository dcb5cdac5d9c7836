package io.streametl.stack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class EventTimeFieldTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  @Test
  void readsTheTimestampOfJsonConvertersEnvelope() throws Exception {
    assertThat(EventTimeField.millis(json(
        "{\"schema\": {\"type\": \"struct\"}, \"payload\": {\"event_time\": 1763700000123}}")))
        .hasValue(1_763_700_000_123L);
  }

  @Test
  void readsPlainObjectsWithMillisOrIsoText() throws Exception {
    assertThat(EventTimeField.millis(json("{\"event_time\": 5}"))).hasValue(5);
    assertThat(EventTimeField.millis(json("{\"event_time\": \"1970-01-01T00:00:01.500Z\"}")))
        .hasValue(1_500);
  }

  @Test
  void anythingElseHasNoEventTime() throws Exception {
    assertThat(EventTimeField.millis(json("{\"event_id\": \"x\"}"))).isEmpty();
    assertThat(EventTimeField.millis(json("{\"event_time\": \"yesterday\"}"))).isEmpty();
    assertThat(EventTimeField.millis(json("{\"event_time\": 1.5}"))).isEmpty();
    assertThat(EventTimeField.millis(json("\"text\""))).isEmpty();
    assertThat(EventTimeField.millis(null)).isEmpty();
  }
}
