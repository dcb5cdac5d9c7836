package io.streametl.source.http.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.streametl.source.http.config.WatermarkType;
import org.junit.jupiter.api.Test;

class WatermarkTest {

  @Test
  void timestampsCompareAsInstantsWhateverTheirOffset() {
    Watermark utc = Watermark.parse(WatermarkType.TIMESTAMP, "2026-11-21T10:00:00Z");
    Watermark paris = Watermark.parse(WatermarkType.TIMESTAMP, "2026-11-21T11:00:00+01:00");
    Watermark later = Watermark.parse(WatermarkType.TIMESTAMP, "2026-11-21T10:00:00.001Z");

    assertThat(utc).isEqualTo(paris).hasSameHashCodeAs(paris);
    assertThat(utc.compareTo(later)).isNegative();
    assertThat(paris.text()).isEqualTo("2026-11-21T11:00:00+01:00");
  }

  @Test
  void theOverlapIsSubtractedInTheTypesUnit() {
    assertThat(Watermark.parse(WatermarkType.TIMESTAMP, "2026-11-21T11:00:00+01:00").minus(1500).text())
        .isEqualTo("2026-11-21T09:59:58.500Z");
    assertThat(Watermark.parse(WatermarkType.EPOCH_MILLIS, "1800000000000").minus(1).text())
        .isEqualTo("1799999999999");
    assertThat(Watermark.parse(WatermarkType.EPOCH_SECONDS, "1800000000").minus(1500).text())
        .isEqualTo("1799999998");
    assertThat(Watermark.parse(WatermarkType.NUMBER, "1000").minus(10).text()).isEqualTo("990");
    Watermark same = Watermark.parse(WatermarkType.NUMBER, "7");
    assertThat(same.minus(0)).isSameAs(same);
  }

  @Test
  void numbersAndEpochsComeFromJsonNumbersOrNumericStrings() {
    JsonNodeFactory json = JsonNodeFactory.instance;

    assertThat(Watermark.fromJson(WatermarkType.NUMBER, json.numberNode(42L)).text()).isEqualTo("42");
    assertThat(Watermark.fromJson(WatermarkType.EPOCH_SECONDS, json.textNode("1800000000.25"))
        .compareTo(Watermark.parse(WatermarkType.EPOCH_MILLIS, "1800000000250"))).isZero();
    assertThat(Watermark.parse(WatermarkType.NUMBER, "1.50")).isEqualTo(Watermark.parse(WatermarkType.NUMBER, "1.5"));
  }

  @Test
  void valuesOfTheWrongKindAreRejectedWithoutQuotingThem() {
    assertThatThrownBy(() -> Watermark.parse(WatermarkType.TIMESTAMP, "2026-11-21 10:00 secret"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the watermark is not an ISO-8601 timestamp with a zone or offset, like 2026-11-21T10:15:30Z");
    assertThatThrownBy(() -> Watermark.fromJson(WatermarkType.TIMESTAMP, JsonNodeFactory.instance.numberNode(5)))
        .hasMessageContaining("holds number");
    assertThatThrownBy(() -> Watermark.parse(WatermarkType.NUMBER, "abc")).hasMessage("the watermark is not a number");
  }
}
