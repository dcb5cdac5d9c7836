package io.streametl.stack.devices;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PublishedMessagesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theIdsFollowFromTheCountAlone() {
    PublishedMessages published = new PublishedMessages(DeviceFleet.of(3), 4, 10);

    // Messages 3 and 7 (every 4th) are malformed; device = k % 3, sequence = k / 3.
    assertThat(published.validIds()).containsExactly("dev-00000-0", "dev-00001-0", "dev-00002-0",
        "dev-00001-1", "dev-00002-1", "dev-00000-2", "dev-00002-2", "dev-00000-3");
    assertThat(published.malformedCount()).isEqualTo(2);
  }

  @Test
  void withoutMalformedMessagesEveryIdIsValid() {
    PublishedMessages published = new PublishedMessages(DeviceFleet.of(2), 0, 5);

    assertThat(published.validIds()).hasSize(5);
    assertThat(published.malformedCount()).isZero();
  }

  @Test
  void validPayloadsAreJsonWithTheirIdAndMalformedOnesAreNot() throws Exception {
    Device device = DeviceFleet.of(1).get(0);
    Instant at = Instant.parse("2026-11-21T10:00:00Z");

    JsonNode valid = JSON.readTree(TelemetryPayloads.valid(device, 7, at));
    assertThat(valid.get("message_id").asText()).isEqualTo("dev-00000-7");
    assertThat(valid.get("ts").asText()).isEqualTo("2026-11-21T10:00:00Z");
    assertThat(valid.get("temperature_c").isNumber()).isTrue();
    assertThat(TelemetryPayloads.malformed(device, 7, at)).satisfies(bytes ->
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> JSON.readTree(bytes))
            .isInstanceOf(com.fasterxml.jackson.core.JsonProcessingException.class));
  }
}
