package io.streametl.source.http.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streametl.common.fieldpath.FieldPath;
import io.streametl.source.http.config.WatermarkConfig;
import io.streametl.source.http.config.WatermarkType;
import io.streametl.source.http.sync.SyncState.Verdict;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.storage.OffsetUtils;
import org.junit.jupiter.api.Test;

class SyncStateTest {

  private static WatermarkConfig config(long overlap, int maxIds) {
    return new WatermarkConfig(FieldPath.parse("seq"), WatermarkType.NUMBER, "", null, overlap, maxIds);
  }

  private static Watermark n(long value) {
    return Watermark.parse(WatermarkType.NUMBER, Long.toString(value));
  }

  @Test
  void aSyncDropsWhatTheLastOneEmittedAtTheBoundaryAndOlder() {
    SyncState sync = SyncState.initial(config(0, 100));
    sync.startChain();
    assertThat(sync.admit(n(5), 1)).isEqualTo(Verdict.EMIT);
    assertThat(sync.admit(n(7), 2)).isEqualTo(Verdict.EMIT);
    assertThat(sync.admit(n(7), 3)).isEqualTo(Verdict.EMIT);
    sync.endChain();

    sync.startChain();

    assertThat(sync.requestWatermark()).contains(n(7));
    assertThat(sync.admit(n(7), 2)).isEqualTo(Verdict.ALREADY_EMITTED);
    assertThat(sync.admit(n(7), 4)).isEqualTo(Verdict.EMIT); // new at the boundary
    assertThat(sync.admit(n(6), 9)).isEqualTo(Verdict.OLDER_THAN_WINDOW);
    assertThat(sync.admit(n(8), 2)).isEqualTo(Verdict.EMIT); // a new version of record 2
  }

  @Test
  void theOverlapWindowLetsLateRecordsInAndKeepsWhatItHoldsFromComingTwice() {
    SyncState sync = SyncState.initial(config(10, 100));
    sync.startChain();
    for (int seq = 90; seq <= 100; seq++) {
      sync.admit(n(seq), seq);
    }
    sync.endChain();
    sync.startChain();

    assertThat(sync.requestWatermark()).contains(n(90));
    assertThat(sync.admit(n(95), 95)).isEqualTo(Verdict.ALREADY_EMITTED);
    assertThat(sync.admit(n(95), 1095)).isEqualTo(Verdict.EMIT); // late, inside the window
    assertThat(sync.admit(n(89), 89)).isEqualTo(Verdict.OLDER_THAN_WINDOW);
  }

  @Test
  void recordsThatComeNewestFirstAreAllEmitted() {
    SyncState sync = SyncState.initial(config(0, 100));
    sync.startChain();

    for (int seq = 10; seq >= 1; seq--) {
      assertThat(sync.admit(n(seq), seq)).as("seq %d", seq).isEqualTo(Verdict.EMIT);
    }
    // ...and one that shifted onto the next page while the sync ran is caught.
    assertThat(sync.admit(n(4), 4)).isEqualTo(Verdict.ALREADY_EMITTED);
  }

  @Test
  void theWindowIsBoundedAndSaysWhenItForgot() {
    SyncState sync = SyncState.initial(config(0, 3));
    sync.startChain();
    for (int id = 0; id < 5; id++) {
      sync.admit(n(1), id);
    }

    assertThat(sync.takeOverflow()).isTrue();
    assertThat(sync.takeOverflow()).isFalse();
    DedupWindow ids = DedupWindow.fromOffset(sync.toOffset(false).get("wm_ids"),
        WatermarkType.NUMBER, 100);
    assertThat(ids.size()).isEqualTo(3);
  }

  @Test
  void theStoredStateHoldsOnlyValuesTheWorkerAcceptsInAnOffset() {
    SyncState sync = SyncState.initial(config(2, 100));
    sync.startChain();
    sync.admit(n(10), 1);
    sync.admit(n(10), -2);
    sync.admit(n(11), 3);

    // The worker runs this check on every offset it flushes; a map or list fails the task.
    assertThatCode(() -> OffsetUtils.validateFormat(sync.toOffset(true))).doesNotThrowAnyException();
    assertThatCode(() -> OffsetUtils.validateFormat(sync.toOffset(false))).doesNotThrowAnyException();
    SyncState resumed = SyncState.fromOffset(sync.toOffset(true), config(2, 100), true);
    assertThat(resumed.admit(n(10), -2)).isEqualTo(Verdict.ALREADY_EMITTED);
    assertThat(resumed.admit(n(11), 3)).isEqualTo(Verdict.ALREADY_EMITTED);
  }

  @Test
  void storedIdentitiesInAnotherShapeAreRefused() {
    assertThatThrownBy(() -> SyncState.fromOffset(Map.of("wm", "1", "wm_ids", Map.of("1", List.of(1L))),
        config(0, 10), false)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("JSON string");
    assertThatThrownBy(() -> SyncState.fromOffset(Map.of("wm", "1", "wm_ids", "{\"1\": [\"x\"]}"),
        config(0, 10), false)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aRunningSyncSurvivesTheRoundTripThroughTheOffsetsTopic() {
    SyncState sync = SyncState.initial(config(2, 100));
    sync.startChain();
    sync.admit(n(10), 1);
    sync.endChain();
    sync.startChain();
    sync.admit(n(12), 2);

    Map<String, Object> stored = throughJsonConverter(sync.toOffset(true));
    SyncState resumed = SyncState.fromOffset(stored, config(2, 100), true);

    assertThat(resumed.requestWatermark()).contains(n(8)); // the running sync's own start, minus 2
    assertThat(resumed.high()).contains(n(12));
    assertThat(resumed.admit(n(10), 1)).isEqualTo(Verdict.ALREADY_EMITTED);
    assertThat(resumed.admit(n(12), 2)).isEqualTo(Verdict.ALREADY_EMITTED);
    assertThat(resumed.admit(n(7), 3)).isEqualTo(Verdict.OLDER_THAN_WINDOW);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> throughJsonConverter(Map<String, Object> offset) {
    JsonConverter converter = new JsonConverter();
    converter.configure(Map.of("schemas.enable", "false"), false);
    byte[] bytes = converter.fromConnectData("offsets", null, offset);
    return (Map<String, Object>) converter.toConnectData("offsets", bytes).value();
  }

  @Test
  void withoutAWatermarkFieldThereIsNothingToStore() {
    WatermarkConfig off = new WatermarkConfig(null, WatermarkType.TIMESTAMP, "", null, 0, 10);

    assertThat(SyncState.initial(off).toOffset(true)).isEmpty();
    assertThat(SyncState.fromOffset(Map.of("wm", "x"), off, false).requestWatermark()).isEmpty();
  }
}
