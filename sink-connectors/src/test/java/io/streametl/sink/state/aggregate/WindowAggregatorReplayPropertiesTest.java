package io.streametl.sink.state.aggregate;

import static io.streametl.sink.state.aggregate.Specs.event;
import static io.streametl.sink.state.aggregate.Specs.spec;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * With only the highest event time carried across commits, a restored aggregator decides every
 * record (its windows and lateness) exactly as an uninterrupted one, and the committed partial
 * rows add up to the same totals, whatever the cycles, failed commits and restarts.
 */
class WindowAggregatorReplayPropertiesTest {

  private static final long MINUTE = 60_000;

  @Property(tries = 300)
  void aRestoredAggregatorDecidesLikeAnUninterruptedOne(@ForAll long seed) {
    Random random = new Random(seed);
    AggregationSpec spec = spec(random.nextBoolean() ? "tumbling:1m" : "hopping:3m/1m", List.of("g"),
        List.of("count"), Duration.ofSeconds(random.nextInt(120)), Duration.ofSeconds(random.nextInt(20)));
    List<Map<String, Object>> events = events(random, 50 + random.nextInt(300));

    WindowAggregator uninterrupted = new WindowAggregator(spec, WindowAggregator.NO_TIME);
    List<AddResult> expected = new ArrayList<>();
    events.forEach(e -> expected.add(uninterrupted.add(e, null)));
    Map<Instant, Long> expectedTotals = totals(uninterrupted.partialRows());

    List<AddResult> actual = new ArrayList<>(expected.size());
    List<PartialRow> committed = new ArrayList<>();
    long committedMaxEventTime = WindowAggregator.NO_TIME;
    int committedOffset = 0;
    WindowAggregator aggregator = new WindowAggregator(spec, committedMaxEventTime);
    int next = 0;
    while (committedOffset < events.size()) {
      int cycleEnd = Math.min(events.size(), next + 1 + random.nextInt(30));
      for (; next < cycleEnd; next++) {
        AddResult result = aggregator.add(events.get(next), null);
        if (next < actual.size()) {
          actual.set(next, result);
        } else {
          actual.add(result);
        }
      }
      int outcome = random.nextInt(6);
      if (outcome == 0) {
        aggregator.rollback();
        next = committedOffset;
      } else if (outcome == 1) {
        aggregator = new WindowAggregator(spec, committedMaxEventTime);
        next = committedOffset;
      } else {
        committed.addAll(aggregator.partialRows());
        committedMaxEventTime = aggregator.maxEventTimeMillis();
        committedOffset = cycleEnd;
        aggregator.markCommitted();
      }
    }

    assertThat(actual).containsExactlyElementsOf(expected);
    assertThat(totals(committed)).isEqualTo(expectedTotals);
  }

  private static List<Map<String, Object>> events(Random random, int count) {
    List<Map<String, Object>> events = new ArrayList<>();
    long clock = 100 * MINUTE;
    for (int i = 0; i < count; i++) {
      clock += random.nextInt(20_000);
      long lag = random.nextInt(4) == 0 ? random.nextInt(6 * (int) MINUTE) : random.nextInt(5_000);
      events.add(event(clock - lag, "g", "g" + random.nextInt(3)));
    }
    return events;
  }

  /** Records per window start, folded over groups and partial rows. */
  private static Map<Instant, Long> totals(List<PartialRow> rows) {
    Map<Instant, Long> totals = new TreeMap<>();
    rows.forEach(row -> totals.merge(row.windowStart(), (Long) row.metricValues().get(0), Long::sum));
    return totals;
  }
}
