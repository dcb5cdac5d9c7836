package io.streametl.source.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streametl.source.http.config.EndpointConfig;
import io.streametl.source.http.config.PaginationMode;
import io.streametl.source.http.sync.SyncState;
import io.streametl.source.http.sync.Watermark;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.json.JsonConverter;
import org.junit.jupiter.api.Test;

class EndpointOffsetTest {

  private static final JsonConverter CONVERTER = new JsonConverter();

  static {
    CONVERTER.configure(Map.of("schemas.enable", "false"), true);
  }

  private static EndpointConfig endpoint(String mode) {
    Map<String, String> props = new HashMap<>();
    props.put("endpoint.orders.url", "https://h/orders");
    props.put("endpoint.orders.pagination.mode", mode);
    props.put("endpoint.orders.pagination.cursor.pointer", "/next");
    props.put("endpoint.orders.watermark.field", "updated_at");
    return EndpointConfig.parse(props, "orders", "c", "");
  }

  @Test
  void thePartitionKeyBytesSurviveTheRoundTripTheOffsetsApiMakes() {
    // The worker keys stored offsets by these bytes; GET /connectors/{name}/offsets reads them back
    // into maps and serialises them again.
    Map<String, Object> partition = new EndpointPartition("orders").toMap();

    byte[] key = CONVERTER.fromConnectData("offsets", null, List.of("http-source", partition));
    Object readBack = CONVERTER.toConnectData("offsets", key).value();
    byte[] again = CONVERTER.fromConnectData("offsets", null, readBack);

    assertThat(new String(again, StandardCharsets.UTF_8)).isEqualTo(new String(key, StandardCharsets.UTF_8));
    assertThat(EndpointPartition.fromMap(new HashMap<>(partition))).isEqualTo(new EndpointPartition("orders"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void aRunningChainSurvivesTheOffsetsTopic() {
    EndpointConfig endpoint = endpoint("cursor");
    SyncState sync = SyncState.initial(endpoint.watermark());
    sync.startChain();
    sync.admit(Watermark.parse(endpoint.watermark().type(), "2026-11-21T10:00:00Z"), 17);
    Map<String, Object> offset = new EndpointOffset(PaginationMode.CURSOR, true, "c-42", sync).toMap();

    Map<String, Object> stored = (Map<String, Object>) CONVERTER.toConnectData("offsets",
        CONVERTER.fromConnectData("offsets", null, offset)).value();
    EndpointOffset read = EndpointOffset.read(stored, endpoint);

    assertThat(read.inChain()).isTrue();
    assertThat(read.nextPage()).isEqualTo("c-42");
    assertThat(read.sync().high().map(Watermark::text)).contains("2026-11-21T10:00:00Z");
    assertThat(stored).containsEntry("v", 1L).containsEntry("mode", "cursor");
  }

  @Test
  void aPositionOfAnotherPaginationModeIsDroppedButTheWatermarkKept() {
    Map<String, Object> stored = Map.of("v", 1, "mode", "page_number", "chain", true, "page", "7",
        "wm", "2026-11-21T10:00:00Z", "wm_ids", "{}");

    EndpointOffset read = EndpointOffset.read(stored, endpoint("cursor"));

    assertThat(read.inChain()).isFalse();
    assertThat(read.nextPage()).isNull();
    assertThat(read.sync().high().map(Watermark::text)).contains("2026-11-21T10:00:00Z");
    assertThat(EndpointOffset.isPaginationModeChange(stored, endpoint("cursor"))).isTrue();
  }

  @Test
  void anUnreadableOffsetFailsNamingTheEndpointAndTheFix() {
    assertThatThrownBy(() -> EndpointOffset.read(Map.of("v", 1, "wm", "not a time"), endpoint("cursor")))
        .isInstanceOf(ConnectException.class)
        .hasMessageContaining("endpoint 'orders'")
        .hasMessageContaining("/connectors/<name>/offsets");
  }
}
