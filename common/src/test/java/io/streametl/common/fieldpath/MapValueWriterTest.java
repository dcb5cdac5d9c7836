package io.streametl.common.fieldpath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

class MapValueWriterTest {

  @Test
  void addsTopLevelAndNestedFields() {
    Map<FieldPath, Object> values = new LinkedHashMap<>();
    values.put(FieldPath.parse("_source_topic"), "subscriptions");
    values.put(FieldPath.parse("device.model"), "pixel");

    Map<String, Object> written = MapValueWriter.copyWith(SubscriptionEvents.map(), values);

    assertThat(written).containsEntry("_source_topic", "subscriptions");
    assertThat(FieldPath.parse("device.model").lookup(written).value()).isEqualTo("pixel");
    assertThat(FieldPath.parse("device.os").lookup(written).value()).isEqualTo("ios");
    assertThat(written).containsEntry("user_id", "u-42");
  }

  @Test
  void neverChangesTheCallersMaps() {
    Map<String, Object> original = SubscriptionEvents.map();
    Map<String, Object> snapshot = deepCopy(original);

    MapValueWriter.copyWith(
        original, Map.of(FieldPath.parse("device.model"), "pixel", FieldPath.parse("x"), 1));

    assertThat(original).isEqualTo(snapshot);
  }

  @Test
  void createsMissingAndNullEnclosingMaps() {
    Map<String, Object> original = new HashMap<>();
    original.put("_meta", null);

    Map<String, Object> written =
        MapValueWriter.copyWith(
            original,
            Map.of(FieldPath.parse("_meta.topic"), "t", FieldPath.parse("a.b.c"), 7L));

    assertThat(FieldPath.parse("_meta.topic").lookup(written).value()).isEqualTo("t");
    assertThat(FieldPath.parse("a.b.c").lookup(written).value()).isEqualTo(7L);
  }

  @Test
  void writesSeveralFieldsIntoOneNestedMap() {
    Map<FieldPath, Object> values = new LinkedHashMap<>();
    values.put(FieldPath.parse("_meta.topic"), "t");
    values.put(FieldPath.parse("_meta.partition"), 3);

    Map<String, Object> written = MapValueWriter.copyWith(Map.of(), values);

    assertThat(written.get("_meta")).isEqualTo(Map.of("topic", "t", "partition", 3));
  }

  @Test
  void replacesAnExistingField() {
    Map<String, Object> written =
        MapValueWriter.copyWith(SubscriptionEvents.map(), Map.of(FieldPath.parse("plan"), "pro"));

    assertThat(written).containsEntry("plan", "pro");
  }

  @Test
  void refusesToWriteInsideAScalarAndNamesTheTypeNotTheValue() {
    assertThatThrownBy(
            () ->
                MapValueWriter.copyWith(
                    SubscriptionEvents.map(), Map.of(FieldPath.parse("user_id.x"), 1)))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("'user_id'")
        .hasMessageContaining("a string, not a map")
        .hasMessageNotContaining("u-42");
  }

  @Test
  void refusesOverlappingPaths() {
    assertThatThrownBy(
            () ->
                MapValueWriter.copyWith(
                    Map.of(), Map.of(FieldPath.parse("_meta"), 1, FieldPath.parse("_meta.t"), 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'_meta'")
        .hasMessageContaining("'_meta.t'");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> deepCopy(Map<String, Object> map) {
    Map<String, Object> copy = new HashMap<>();
    map.forEach(
        (k, v) -> copy.put(k, v instanceof Map ? deepCopy((Map<String, Object>) v) : v));
    return copy;
  }
}
