package io.streametl.stack.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the live page shows, as served at {@code /api/status}. A figure that is not known yet
 * (no offsets committed, no table, a worker not reachable over JMX) is null and shown as a dash.
 *
 * @param pipelines records and records/s per pipeline
 * @param history records/s per pipeline over the last ticks, for the throughput chart
 * @param deadLetters committed records per dead-letter or error topic
 * @param sink the sinks' counters summed over their tasks, read over JMX from the workers
 * @param aggregates the latest windows of the events' aggregates table, folded
 */
public record LiveStatus(
    double elapsedSeconds,
    List<Pipeline> pipelines,
    List<ThroughputHistory.Point> history,
    Map<String, Long> deadLetters,
    SinkCounters sink,
    Aggregates aggregates) {

  /** One pipeline: its name, what it carries, its total so far and its latest rate. */
  public record Pipeline(String name, String topic, Long records, Double perSecond) {}

  /** The dedup/aggregate sinks' counters; null where no worker could be read. */
  public record SinkCounters(Long rowsWritten, Long duplicatesDropped, Long lateEvents,
      Long deadLetterRecords) {

    public static final SinkCounters UNKNOWN = new SinkCounters(null, null, null, null);
  }

  /** Record counts per window (ISO-8601 starts, oldest first) by region and by channel. */
  public record Aggregates(String table, List<String> windows, Map<String, List<Long>> byRegion,
      Map<String, List<Long>> byChannel) {

    public static Aggregates of(RecentWindows.Folded folded) {
      // Region and channel come from the same rows, so their windows are the same.
      return new Aggregates(folded.table(),
          folded.byRegion().windows().stream().map(Instant::toString).toList(),
          folded.byRegion().byGroup(), folded.byChannel().byGroup());
    }
  }
}
