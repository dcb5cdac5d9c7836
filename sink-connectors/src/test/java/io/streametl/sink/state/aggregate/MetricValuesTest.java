package io.streametl.sink.state.aggregate;

import static io.streametl.sink.state.aggregate.Specs.event;
import static io.streametl.sink.state.aggregate.Specs.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

/** The types of metric values: exact where the input allows, typed min and max. */
class MetricValuesTest {

  private static List<Object> metrics(String metric, Object... values) {
    WindowAggregator aggregator = new WindowAggregator(
        spec("tumbling:1m", List.of(), List.of(metric), Duration.ZERO, Duration.ZERO), WindowAggregator.NO_TIME);
    for (Object value : values) {
      aggregator.add(event(0, "x", value), null);
    }
    return aggregator.partialRows().get(0).metricValues();
  }

  @Test
  void integerSumsAreLongsAndMoveToDecimalRatherThanOverflow() {
    assertThat(metrics("sum(x)", 1, 2L, (short) 3)).containsExactly(6L);
    assertThat(metrics("sum(x)", Long.MAX_VALUE, 1)).containsExactly(
        BigDecimal.valueOf(Long.MAX_VALUE).add(BigDecimal.ONE));
  }

  @Test
  void aLongSumThatOverflowsSaysToDeclareDecimal() {
    assertThatThrownBy(() -> metrics("sum(x):long", Long.MAX_VALUE, 1)).isInstanceOf(ConnectException.class)
        .hasMessageContaining("Declare the metric :decimal");
  }

  @Test
  void decimalSumsAreExact() {
    assertThat(metrics("sum(x)", new BigDecimal("0.10"), new BigDecimal("0.20"), 1)).containsExactly(
        new BigDecimal("1.30"));
    assertThat(metrics("sum(x):decimal", 0.1, 0.2)).containsExactly(new BigDecimal("0.3"));
  }

  @Test
  void floatingPointSumsAreDoubles() {
    assertThat(metrics("sum(x)", 1, 0.5)).containsExactly(1.5);
    assertThat(metrics("sum(x):double", new BigDecimal("2.5"), 1)).containsExactly(3.5);
  }

  @Test
  void declaredLongsTakeOnlyWholeNumbers() {
    assertThat(metrics("sum(x):long", 2.0, new BigDecimal("3.00"))).containsExactly(5L);
    assertThatThrownBy(() -> metrics("sum(x):long", 2.5)).isInstanceOf(DataException.class)
        .hasMessageContaining("fraction");
  }

  @Test
  void nonFiniteNumbersAreRejected() {
    assertThatThrownBy(() -> metrics("max(x)", Double.NaN)).isInstanceOf(DataException.class)
        .hasMessageContaining("NaN or infinite");
  }

  @Test
  void minAndMaxCompareNumbersByValueWhateverTheirType() {
    assertThat(metrics("min(x)", 3L, new BigDecimal("2.5"), 2.75)).containsExactly(new BigDecimal("2.5"));
    assertThat(metrics("max(x)", 3L, new BigDecimal("2.5"), 3.25)).containsExactly(3.25);
  }

  @Test
  void textMinAndMaxFollowCodePointsAsSqlDoes() {
    String emoji = "\uD83D\uDE00"; // U+1F600, after U+FFxx in code points but before it in UTF-16 units
    String halfwidth = "\uFF61";

    assertThat(metrics("max(x):string", halfwidth, emoji, "b")).containsExactly(emoji);
    assertThat(metrics("min(x):string", "b", "ab", "a")).containsExactly("a");
    assertThatThrownBy(() -> metrics("min(x):string", 1)).hasMessageContaining("needs text");
  }

  @Test
  void timestampMinAndMaxReadAnyTimeForm() {
    assertThat(metrics("max(x):timestamp", new Date(5), 7L, "1970-01-01T00:00:00.006Z"))
        .containsExactly(Instant.ofEpochMilli(7));
  }

  @Test
  void countOfAFieldCountsItsNonNullValues() {
    assertThat(metrics("count(x)", 1, "a", null)).containsExactly(2L);
  }

  @Test
  void approxDistinctIsASketchOfTheValues() {
    byte[] sketch = (byte[]) metrics("approx_distinct(x)", "a", "b", "a", 1, 1L, (short) 1, 2.5).get(0);

    assertThat(Sketches.estimate(List.of(sketch))).isEqualTo(4);
  }
}
