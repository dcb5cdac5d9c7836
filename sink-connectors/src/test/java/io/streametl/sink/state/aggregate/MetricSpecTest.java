package io.streametl.sink.state.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streametl.common.fieldpath.FieldPath;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MetricSpecTest {

  @Test
  void parsesEachFunctionWithItsDefaultColumn() {
    assertThat(MetricSpec.parse("count")).isEqualTo(
        new MetricSpec(MetricKind.COUNT, Optional.empty(), ValueType.NUMBER, "record_count"));
    assertThat(MetricSpec.parse("count(user_id)").column()).isEqualTo("count_user_id");
    assertThat(MetricSpec.parse("sum(amount)")).isEqualTo(
        new MetricSpec(MetricKind.SUM, Optional.of(FieldPath.parse("amount")), ValueType.NUMBER, "sum_amount"));
    assertThat(MetricSpec.parse("min(device.app_version):string").column()).isEqualTo("min_device_app_version");
    assertThat(MetricSpec.parse("MAX(event_time):timestamp").type()).isEqualTo(ValueType.TIMESTAMP);
    assertThat(MetricSpec.parse("approx_distinct(user_id)").column()).isEqualTo("approx_distinct_user_id");
  }

  @Test
  void keepsTheCaseOfFieldNamesAndTakesAnAlias() {
    MetricSpec metric = MetricSpec.parse("sum(`order.Total`):decimal as revenue");

    assertThat(metric.field()).contains(FieldPath.of("order.Total"));
    assertThat(metric.type()).isEqualTo(ValueType.DECIMAL);
    assertThat(metric.column()).isEqualTo("revenue");
  }

  @ParameterizedTest
  @ValueSource(strings = {"count", "count(user_id)", "sum(amount):decimal", "min(plan):string as first_plan",
      "approx_distinct(device.id)", "max(`a.b`)"})
  void writesBackWhatItParses(String text) {
    assertThat(MetricSpec.parse(text).toString()).isEqualTo(text);
    assertThat(MetricSpec.parse(MetricSpec.parse(text).toString())).isEqualTo(MetricSpec.parse(text));
  }

  @Test
  void saysWhatIsWrong() {
    assertThatThrownBy(() -> MetricSpec.parse("avg(amount)")).hasMessageContaining("is not a metric")
        .hasMessageContaining("approx_distinct(field)");
    assertThatThrownBy(() -> MetricSpec.parse("sum")).hasMessageContaining("sum needs a field, e.g. sum(amount)");
    assertThatThrownBy(() -> MetricSpec.parse("sum(amount):string")).hasMessageContaining("sums are numeric");
    assertThatThrownBy(() -> MetricSpec.parse("count(x):long")).hasMessageContaining("count takes no :long");
    assertThatThrownBy(() -> MetricSpec.parse("sum(amount):money")).hasMessageContaining("not a value type");
    assertThatThrownBy(() -> MetricSpec.parse("count as 1st")).hasMessageContaining("not a column name");
    assertThatThrownBy(() -> MetricSpec.parse("sum(a..b)")).hasMessageContaining("empty field name");
  }
}
