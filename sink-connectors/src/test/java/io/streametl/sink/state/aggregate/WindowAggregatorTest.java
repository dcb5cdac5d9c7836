package io.streametl.sink.state.aggregate;

import static io.streametl.sink.state.aggregate.Specs.event;
import static io.streametl.sink.state.aggregate.Specs.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streametl.common.fieldpath.FieldPath;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

class WindowAggregatorTest {

  private static final long MINUTE = 60_000;

  private static WindowAggregator tumblingMinute(Duration lateness, Duration delay) {
    return new WindowAggregator(spec("tumbling:1m", List.of("region"), List.of("count"), lateness, delay),
        WindowAggregator.NO_TIME);
  }

  @Test
  void aRecordBelongsToTheWindowThatHoldsItsTimeStartInclusiveEndExclusive() {
    WindowAggregator aggregator = tumblingMinute(Duration.ZERO, Duration.ZERO);

    aggregator.add(event(MINUTE, "region", "eu"), null);
    aggregator.add(event(2 * MINUTE - 1, "region", "eu"), null);

    PartialRow row = aggregator.partialRows().get(0);
    assertThat(aggregator.partialRows()).hasSize(1);
    assertThat(row.windowStart()).isEqualTo(Instant.ofEpochMilli(MINUTE));
    assertThat(row.windowEnd()).isEqualTo(Instant.ofEpochMilli(2 * MINUTE));
    assertThat(row.values()).containsExactly(Instant.ofEpochMilli(MINUTE), Instant.ofEpochMilli(2 * MINUTE), "eu", 2L);
  }

  @Test
  void theWatermarkTrailsTheHighestEventTimeAndNeverMovesBack() {
    WindowAggregator aggregator = tumblingMinute(Duration.ZERO, Duration.ofSeconds(5));

    aggregator.add(event(100_000), null);
    aggregator.add(event(50_000), null);

    assertThat(aggregator.maxEventTimeMillis()).isEqualTo(100_000);
    assertThat(aggregator.watermarkMillis()).isEqualTo(95_000);
  }

  @Test
  void classifiesRecordsAsOnTimeLateOrTooLate() {
    WindowAggregator aggregator = tumblingMinute(Duration.ofMinutes(2), Duration.ZERO);
    aggregator.add(event(10 * MINUTE), null); // watermark 10:00

    // Window [9:00, 10:00) ended at the watermark: late but allowed until the watermark passes 12:00.
    assertThat(aggregator.add(event(9 * MINUTE + 1), null).lateness()).isEqualTo(Lateness.LATE);
    // Window [7:00, 8:00): 8:00 + 2m lateness = 10:00 <= watermark: too late.
    assertThat(aggregator.add(event(7 * MINUTE + 1), null)).isEqualTo(new AddResult(Lateness.TOO_LATE, 0, 0, 1));
    // Window [8:00, 9:00): 9:00 + 2m > 10:00: still allowed.
    assertThat(aggregator.add(event(8 * MINUTE), null).lateness()).isEqualTo(Lateness.LATE);
    assertThat(aggregator.add(event(10 * MINUTE + 5), null).lateness()).isEqualTo(Lateness.ON_TIME);

    assertThat(aggregator.partialRows()).extracting(r -> r.windowStart().toEpochMilli())
        .containsExactly(8 * MINUTE, 9 * MINUTE, 10 * MINUTE);
  }

  @Test
  void theRecordThatMovesTheWatermarkIsClassifiedAgainstItsNewValue() {
    WindowAggregator aggregator = tumblingMinute(Duration.ZERO, Duration.ZERO);

    assertThat(aggregator.add(event(5 * MINUTE), null).lateness()).isEqualTo(Lateness.ON_TIME);
    assertThat(aggregator.add(event(5 * MINUTE - 1), null).lateness()).isEqualTo(Lateness.TOO_LATE);
  }

  @Test
  void hoppingWindowsTakeARecordInSizeOverHopWindows() {
    WindowAggregator aggregator = new WindowAggregator(
        spec("hopping:10m/1m", List.of(), List.of("count"), Duration.ZERO, Duration.ZERO), WindowAggregator.NO_TIME);

    AddResult result = aggregator.add(event(30 * MINUTE + 5), null);

    assertThat(result).isEqualTo(new AddResult(Lateness.ON_TIME, 10, 0, 0));
    assertThat(aggregator.partialRows()).extracting(r -> r.windowStart().toEpochMilli())
        .containsExactly(21 * MINUTE, 22 * MINUTE, 23 * MINUTE, 24 * MINUTE, 25 * MINUTE, 26 * MINUTE, 27 * MINUTE,
            28 * MINUTE, 29 * MINUTE, 30 * MINUTE);
  }

  @Test
  void aHoppingRecordTooLateForItsOldestWindowsStillCountsInTheNewerOnes() {
    WindowAggregator aggregator = new WindowAggregator(
        spec("hopping:10m/1m", List.of(), List.of("count"), Duration.ZERO, Duration.ZERO), WindowAggregator.NO_TIME);
    aggregator.add(event(35 * MINUTE), null);

    AddResult result = aggregator.add(event(30 * MINUTE), null); // windows end 31:00 .. 40:00

    assertThat(result).isEqualTo(new AddResult(Lateness.ON_TIME, 5, 0, 5));
  }

  @Test
  void groupValuesThatAreEqualLookAlike() {
    WindowAggregator aggregator = new WindowAggregator(
        spec("tumbling:1m", List.of("n", "d", "missing"), List.of("count"), Duration.ZERO, Duration.ZERO),
        WindowAggregator.NO_TIME);

    aggregator.add(event(0, "n", 5, "d", new BigDecimal("1.50")), null);
    aggregator.add(event(1, "n", 5L, "d", new BigDecimal("1.5")), null);

    assertThat(aggregator.partialRows()).singleElement().satisfies(row ->
        assertThat(row.groupValues()).containsExactly(5L, new BigDecimal("1.5"), null));
  }

  @Test
  void aRejectedRecordChangesNothing() {
    WindowAggregator aggregator = new WindowAggregator(
        spec("tumbling:1m", List.of("region"), List.of("count", "sum(amount)"), Duration.ZERO, Duration.ZERO),
        WindowAggregator.NO_TIME);

    assertThatThrownBy(() -> aggregator.add(event(5 * MINUTE, "amount", "12 EUR"), null))
        .isInstanceOf(DataException.class).hasMessageContaining("sum(amount) (field 'amount') holds a string")
        .hasMessageNotContaining("12 EUR");
    assertThatThrownBy(() -> aggregator.add(event(5 * MINUTE, "region", List.of("eu")), null))
        .isInstanceOf(DataException.class).hasMessageContaining("group-by field 'region' holds an array");
    assertThatThrownBy(() -> aggregator.add(java.util.Map.of(), null))
        .isInstanceOf(DataException.class).hasMessageContaining("time field 'ts' is missing");

    assertThat(aggregator.hasUncommittedChanges()).isFalse();
    assertThat(aggregator.maxEventTimeMillis()).isEqualTo(WindowAggregator.NO_TIME);
  }

  @Test
  void anEventTimeFarAheadOfTheRecordTimestampIsRejected() {
    AggregationSpec base = spec("tumbling:1m", List.of(), List.of("count"), Duration.ZERO, Duration.ZERO);
    AggregationSpec guarded = new AggregationSpec("test", base.window(), FieldPath.parse("ts"), List.of(),
        base.metrics(), Duration.ZERO, Duration.ZERO, TooLatePolicy.DEAD_LETTER, Optional.of(Duration.ofHours(1)));
    WindowAggregator aggregator = new WindowAggregator(guarded, WindowAggregator.NO_TIME);

    assertThatThrownBy(() -> aggregator.add(event(2 * 3_600_000L + 1), 3_600_000L))
        .isInstanceOf(DataException.class).hasMessageContaining("more than 1h ahead");
    assertThat(aggregator.add(event(2 * 3_600_000L), 3_600_000L).lateness()).isEqualTo(Lateness.ON_TIME);
    assertThat(aggregator.add(event(9 * 3_600_000L), null).lateness()).isEqualTo(Lateness.ON_TIME);
  }

  @Test
  void rollbackForgetsTheCycleAndMarkCommittedStartsAnEmptyOne() {
    WindowAggregator aggregator = tumblingMinute(Duration.ZERO, Duration.ZERO);
    aggregator.add(event(MINUTE), null);
    aggregator.markCommitted();
    aggregator.add(event(5 * MINUTE), null);

    aggregator.rollback();

    assertThat(aggregator.partialRows()).isEmpty();
    assertThat(aggregator.maxEventTimeMillis()).isEqualTo(MINUTE);
    assertThat(aggregator.hasUncommittedChanges()).isFalse();
  }

  @Test
  void aSealedCycleKeepsItsRowsApartFromTheNextAndCommitsItsOwnWatermark() {
    WindowAggregator aggregator = tumblingMinute(Duration.ZERO, Duration.ZERO);
    aggregator.add(event(MINUTE, "region", "eu"), null);
    List<PartialRow> sealedRows = aggregator.partialRows();
    aggregator.seal();
    aggregator.add(event(MINUTE + 1, "region", "eu"), null); // the next cycle, taken during the commit
    aggregator.add(event(3 * MINUTE, "region", "eu"), null);

    aggregator.markSealedCommitted();

    assertThat(sealedRows).singleElement().satisfies(row -> assertThat(row.values()).endsWith(1L));
    assertThat(aggregator.partialRows()).extracting(row -> row.values().get(3)).containsExactly(1L, 1L);
    aggregator.rollback(); // the next cycle fails: back to the sealed cycle's watermark, not the first one's
    assertThat(aggregator.partialRows()).isEmpty();
    assertThat(aggregator.maxEventTimeMillis()).isEqualTo(MINUTE);
  }

  @Test
  void aRollbackWhileASealedCycleIsPendingGoesBackToTheCommitBeforeIt() {
    WindowAggregator aggregator = tumblingMinute(Duration.ZERO, Duration.ZERO);
    aggregator.add(event(MINUTE), null);
    aggregator.markCommitted();
    aggregator.add(event(2 * MINUTE), null);
    aggregator.seal();
    aggregator.add(event(4 * MINUTE), null);

    aggregator.rollback();

    assertThat(aggregator.partialRows()).isEmpty();
    assertThat(aggregator.maxEventTimeMillis()).isEqualTo(MINUTE);
    assertThat(aggregator.hasUncommittedChanges()).isFalse();
  }

  @Test
  void aRestoredWatermarkClassifiesTheFirstRecords() {
    WindowAggregator aggregator = new WindowAggregator(
        spec("tumbling:1m", List.of(), List.of("count"), Duration.ZERO, Duration.ZERO), 10 * MINUTE);

    assertThat(aggregator.add(event(MINUTE), null).lateness()).isEqualTo(Lateness.TOO_LATE);
  }

  @Test
  void eventTimesMayBeTimestampsEpochMillisOrIsoText() {
    WindowAggregator aggregator = tumblingMinute(Duration.ZERO, Duration.ZERO);

    aggregator.add(java.util.Map.of("ts", new java.util.Date(MINUTE)), null);
    aggregator.add(java.util.Map.of("ts", "1970-01-01T00:01:30Z"), null);
    aggregator.add(java.util.Map.of("ts", "1970-01-01T01:01:59+01:00"), null);

    assertThat(aggregator.partialRows()).singleElement().satisfies(row ->
        assertThat(row.metricValues()).containsExactly(3L));
    assertThatThrownBy(() -> aggregator.add(java.util.Map.of("ts", "yesterday"), null))
        .hasMessageContaining("not an ISO-8601 timestamp").hasMessageNotContaining("yesterday");
  }

  @Test
  void rowsHaveNoMetricValueWhereNoRecordHadOne() {
    WindowAggregator aggregator = new WindowAggregator(
        spec("tumbling:1m", List.of(), List.of("count", "count(x)", "sum(x)", "min(x)", "max(x)"),
            Duration.ZERO, Duration.ZERO), WindowAggregator.NO_TIME);

    aggregator.add(event(0), null);

    assertThat(aggregator.partialRows().get(0).metricValues()).isEqualTo(Arrays.asList(1L, 0L, null, null, null));
  }
}
