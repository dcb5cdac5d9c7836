package io.streametl.stack.cli;

import io.streametl.stack.jmx.WorkerJmx;
import io.streametl.stack.web.LiveStatus;
import io.streametl.stack.web.RecentWindows;
import io.streametl.stack.web.ThroughputHistory;
import io.streametl.stack.web.WindowFold;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * Turns the demo's progress figures into what the live page shows, once per tick: the pipelines'
 * totals and rates, the dead-letter counts, the sinks' counters (plugin metrics read over JMX
 * from the workers) and the latest per-minute aggregates, folded. The page server only ever reads
 * the last status, so a slow page never slows the demo and many open pages cost nothing extra.
 */
final class LiveStatusSampler implements AutoCloseable {

  static final String EVENTS = "events";
  static final String DEVICES = "devices";
  static final String API = "api";
  /** The demo's sink config names its one aggregation per_minute (a table per aggregation). */
  static final String AGGREGATES_SUFFIX = "_per_minute";
  static final int HISTORY_POINTS = 90;
  static final int CHART_WINDOWS = 15;

  private static final ObjectName PLUGIN_METRICS = objectName(
      "kafka.connect:type=plugins,connector=*,task=*");
  private static final String ROWS = "rows-written-total";
  private static final String DUPLICATES = "duplicates-dropped-total";
  private static final String LATE = "late-events-total";
  private static final String DEAD_LETTERS = "dead-letter-records-total";

  private final DemoOptions options;
  private final Supplier<List<Long>> workerPids;
  private final WorkerJmx jmx = new WorkerJmx();
  private final ThroughputHistory history = new ThroughputHistory(HISTORY_POINTS);
  private final RecentWindows windows;
  private volatile LiveStatus latest;

  /** @param workerPids the Connect workers' current process ids (they change on a restart) */
  LiveStatusSampler(DemoOptions options, Supplier<List<Long>> workerPids) {
    this.options = options;
    this.workerPids = workerPids;
    this.windows = new RecentWindows(options.table() + AGGREGATES_SUFFIX, Duration.ofHours(1),
        new WindowFold("record_count", CHART_WINDOWS));
    this.latest = new LiveStatus(0, List.of(), List.of(), Map.of(), LiveStatus.SinkCounters.UNKNOWN,
        null);
  }

  /** Samples once more after {@code progress} has sampled its figures for this tick. */
  void sample(DemoProgress progress, ProgressSnapshot snapshot) {
    Map<String, Long> totals = new LinkedHashMap<>();
    totals.put(EVENTS, progress.committedRecords(options.topic()));
    totals.put(DEVICES, progress.committedRecords(DevicesProgress.TOPIC));
    totals.put(API, progress.committedRecords(ApiProgress.ORDERS_TOPIC)
        + progress.committedRecords(ApiProgress.CUSTOMERS_TOPIC));
    history.add(System.nanoTime(), totals);

    List<LiveStatus.Pipeline> pipelines = new ArrayList<>();
    pipelines.add(pipeline(EVENTS, options.topic(), totals));
    pipelines.add(pipeline(DEVICES, DevicesProgress.TOPIC, totals));
    pipelines.add(pipeline(API, ApiProgress.ORDERS_TOPIC + " + " + ApiProgress.CUSTOMERS_TOPIC,
        totals));
    Map<String, Long> deadLetters = new LinkedHashMap<>();
    for (String topic : List.of(options.dlqTopic(), DevicesProgress.ERROR_TOPIC,
        ApiProgress.ERROR_TOPIC)) {
      deadLetters.put(topic, progress.committedRecords(topic));
    }
    latest = new LiveStatus(snapshot.elapsed().toMillis() / 1000.0, pipelines, history.points(),
        deadLetters, sinkCounters(), progress.aggregates(windows).map(LiveStatus.Aggregates::of)
            .orElse(null));
  }

  private LiveStatus.Pipeline pipeline(String name, String topic, Map<String, Long> totals) {
    return new LiveStatus.Pipeline(name, topic, totals.get(name), history.latest(name));
  }

  private LiveStatus.SinkCounters sinkCounters() {
    Map<String, Long> sums = jmx.sum(workerPids.get(), PLUGIN_METRICS,
        Set.of(ROWS, DUPLICATES, LATE, DEAD_LETTERS));
    return new LiveStatus.SinkCounters(sums.get(ROWS), sums.get(DUPLICATES), sums.get(LATE),
        sums.get(DEAD_LETTERS));
  }

  LiveStatus latest() {
    return latest;
  }

  private static ObjectName objectName(String name) {
    try {
      return new ObjectName(name);
    } catch (MalformedObjectNameException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    jmx.close();
  }
}
