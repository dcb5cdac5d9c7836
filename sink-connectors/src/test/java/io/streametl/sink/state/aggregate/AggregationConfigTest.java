package io.streametl.sink.state.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streametl.common.fieldpath.FieldPath;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

class AggregationConfigTest {

  private static Map<String, String> byRegion() {
    Map<String, String> props = new HashMap<>();
    props.put("aggregations", "by_region");
    props.put("aggregation.by_region.window", "hopping:10m/1m");
    props.put("aggregation.by_region.group-by", "region,channel,device.os as os");
    props.put("aggregation.by_region.time-field", "event_time");
    props.put("aggregation.by_region.metrics",
        "count,sum(amount):decimal,min(amount),max(amount),approx_distinct(user_id)");
    props.put("aggregation.by_region.allowed-lateness", "10m");
    props.put("aggregation.by_region.watermark.delay", "5s");
    props.put("aggregation.by_region.too-late", "drop");
    return props;
  }

  @Test
  void parsesANamedAggregation() {
    AggregationSpec spec = AggregationConfig.parse(byRegion()).get(0);

    assertThat(spec.name()).isEqualTo("by_region");
    assertThat(spec.window()).isEqualTo(WindowSpec.hopping(Duration.ofMinutes(10), Duration.ofMinutes(1)));
    assertThat(spec.timeField()).isEqualTo(FieldPath.parse("event_time"));
    assertThat(spec.groupColumns()).containsExactly("region", "channel", "os");
    assertThat(spec.columns()).containsExactly("window_start", "window_end", "region", "channel", "os",
        "record_count", "sum_amount", "min_amount", "max_amount", "approx_distinct_user_id");
    assertThat(spec.allowedLateness()).isEqualTo(Duration.ofMinutes(10));
    assertThat(spec.watermarkDelay()).isEqualTo(Duration.ofSeconds(5));
    assertThat(spec.tooLate()).isEqualTo(TooLatePolicy.DROP);
    assertThat(spec.maxAheadOfRecordTime()).contains(Duration.ofHours(1));
  }

  @Test
  void defaultsCountNoLatenessDeadLetterAndNoAggregations() {
    Map<String, String> props = new HashMap<>();
    props.put("aggregations", "per_minute");
    props.put("aggregation.per_minute.window", "tumbling:1m");
    props.put("aggregation.per_minute.time-field", "ts");
    props.put("aggregation.per_minute.time-field.max-ahead", "none");

    AggregationSpec spec = AggregationConfig.parse(props).get(0);

    assertThat(spec.metrics()).containsExactly(MetricSpec.parse("count"));
    assertThat(spec.groupBy()).isEmpty();
    assertThat(spec.allowedLateness()).isZero();
    assertThat(spec.tooLate()).isEqualTo(TooLatePolicy.DEAD_LETTER);
    assertThat(spec.maxAheadOfRecordTime()).isEqualTo(Optional.empty());
    assertThat(AggregationConfig.parse(Map.of())).isEmpty();
  }

  @Test
  void parseNamesTheKeyAtFault() {
    Map<String, String> props = byRegion();
    props.put("aggregation.by_region.window", "hopping:10m/3m");

    assertThatThrownBy(() -> AggregationConfig.parse(props)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("aggregation.by_region.window").hasMessageContaining("whole multiple");
  }

  @Test
  void validateAttachesEachProblemToItsKey() {
    Map<String, String> props = byRegion();
    props.put("aggregation.by_region.metrics", "count,median(amount)");
    props.put("aggregation.by_region.allowed-lateness", "ten minutes");
    props.remove("aggregation.by_region.time-field");

    Map<String, ConfigValue> result = AggregationConfig.validate(props);

    assertThat(result.get("aggregation.by_region.metrics").errorMessages()).singleElement()
        .asString().contains("'median(amount)' is not a metric");
    assertThat(result.get("aggregation.by_region.allowed-lateness").errorMessages()).singleElement()
        .asString().contains("write a whole number and a unit");
    assertThat(result.get("aggregation.by_region.time-field").errorMessages()).isNotEmpty();
    assertThat(result.get("aggregation.by_region.window").errorMessages()).isEmpty();
  }

  @Test
  void validateReportsColumnsThatCollide() {
    Map<String, String> props = byRegion();
    props.put("aggregation.by_region.group-by", "device.os,device_os");

    Map<String, ConfigValue> result = AggregationConfig.validate(props);

    assertThat(result.get("aggregation.by_region.metrics").errorMessages()).singleElement()
        .asString().contains("two columns named 'device_os'").contains("'device.os as os'");
  }

  @Test
  void namesMustBeIdentifiersListedOnce() {
    assertThat(AggregationConfig.validate(Map.of("aggregations", "By Region")).get("aggregations").errorMessages())
        .singleElement().asString().contains("lower-case letters");
    assertThat(AggregationConfig.validate(Map.of("aggregations", "a,a")).get("aggregations").errorMessages())
        .singleElement().asString().contains("listed twice");
  }

  @Test
  void theConfigDefDocumentsEveryKeyOfAnAggregation() {
    assertThat(AggregationConfig.configDef("<name>").names()).containsExactlyInAnyOrder(
        "aggregation.<name>.window", "aggregation.<name>.time-field", "aggregation.<name>.group-by",
        "aggregation.<name>.metrics", "aggregation.<name>.allowed-lateness", "aggregation.<name>.watermark.delay",
        "aggregation.<name>.too-late", "aggregation.<name>.time-field.max-ahead");
    assertThat(List.copyOf(AggregationConfig.AGGREGATIONS_DEF.names())).containsExactly("aggregations");
  }
}
