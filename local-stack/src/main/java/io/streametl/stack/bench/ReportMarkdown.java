package io.streametl.stack.bench;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/** Formats a {@link BenchReport} as Markdown (MB = 10^6 bytes). */
final class ReportMarkdown {

  private ReportMarkdown() {}

  static String format(BenchReport report) {
    StringBuilder md = new StringBuilder();
    BenchSettings settings = report.settings();
    PassResult raw = report.rounds().get(0).raw();
    line(md, "### Run of %s", report.startedAt());
    line(md, "");
    line(md, "- Machine: %s", report.machine().describe());
    line(md, "- Command: `%s`", settings.commandLine());
    line(md, "- Topic: %,d records (%,d distinct valid events, %.1f %% duplicates), %d partitions;"
            + " values %.0f B on average (JsonConverter with schemas), keys %.0f B",
        raw.records(), report.distinctRows(),
        100.0 * (raw.records() - report.distinctRows()) / raw.records(), settings.partitions(),
        (double) raw.valueBytes() / raw.records(), (double) raw.keyBytes() / raw.records());
    line(md, "- Filled by the generator in %.1f s (%,.0f records/s, exactly-once transactions)",
        seconds(report.fill().elapsed()),
        report.fill().records() / seconds(report.fill().elapsed()));
    line(md, "");
    throughputTable(md, report);
    line(md, "");
    freshnessTable(md, report);
    line(md, "");
    line(md, "| goal | measured | verdict |");
    line(md, "| --- | --- | --- |");
    for (GoalVerdict goal : report.goals()) {
      line(md, "| %s | %s | %s |", goal.goal(), goal.measured(), goal.verdict());
    }
    line(md, "");
    line(md, "Our sink's tables after its last throughput run: %,d event rows, %,d aggregate rows;"
        + " dedup state files on disk %s.",
        report.rounds().get(report.rounds().size() - 1).ours().rows(), report.aggregateRows(),
        stateBytes(report));
    line(md, "");
    cpuTable(md, report);
    return md.toString();
  }

  private static void throughputTable(StringBuilder md, BenchReport report) {
    line(md, "| reader of the topic | records/s | MB/s | time | steady records/s (first to last"
        + " commit) | middle records/s (%d %% to %d %% of rows) | first commit after | commits"
        + " | data files |", SinkThroughputRun.MIDDLE_FROM_PERCENT,
        SinkThroughputRun.MIDDLE_TO_PERCENT);
    line(md, "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    ReferenceReads reads = report.reads();
    pass(md, "raw consumer, warm-up pass (not used)", reads.warmup());
    pass(md, "consumer + Jackson readTree per value", reads.json());
    pass(md, "consumer + Connect JsonConverter per value, the sinks' settings",
        reads.jsonConverter());
    if (reads.sinksConverter() != reads.jsonConverter()) {
      pass(md, "consumer + " + reads.sinksConverterName() + " per value (the sinks' converter)",
          reads.sinksConverter());
    }
    String ours = "our sink (dedup + per_minute aggregation" + (report.settings().dropTransforms()
        ? ", no SMTs)" : ", validate + enrich SMTs)");
    for (SinkRound round : report.rounds()) {
      String suffix = ", round " + round.round();
      pass(md, "raw consumer (byte[], read_committed): the limit" + suffix, round.raw());
      read(md, "discarding sink on the workers (our sink's converters and SMTs, no writes): the"
          + " limit for our sink's pipeline" + suffix, round.discarding().throughput(),
          round.discarding().middlePerSecond());
      if (round.stockFirst()) {
        sink(md, "stock Apache Iceberg sink" + suffix + ", 1st", round.stock());
        sink(md, ours + suffix + ", 2nd", round.ours());
      } else {
        sink(md, ours + suffix + ", 1st", round.ours());
        sink(md, "stock Apache Iceberg sink" + suffix + ", 2nd", round.stock());
      }
    }
    line(md, "");
    line(md, "Best of %d round(s): raw consumer %,.0f records/s, discarding sink %,.0f (middle"
            + " rate %s), stock sink %s, our sink %s"
            + " (complete runs only). Workers' CPU per input record, mean over the rounds: stock"
            + " sink %.1f µs, our sink %.1f µs. Best middle rate (%d %% to %d %% of rows, complete"
            + " runs): stock sink %s, our sink %s.", report.rounds().size(),
        report.bestRecordsPerSecond(r -> r.raw().throughput()),
        report.bestRecordsPerSecond(r -> r.discarding().throughput()),
        steady(report.bestMiddle(r -> r.discarding().middlePerSecond())),
        steady(report.bestCompleteRecordsPerSecond(SinkRound::stock)),
        steady(report.bestCompleteRecordsPerSecond(SinkRound::ours)),
        report.meanWorkerMicrosPerRecord(SinkRound::stockCpu),
        report.meanWorkerMicrosPerRecord(SinkRound::oursCpu),
        SinkThroughputRun.MIDDLE_FROM_PERCENT, SinkThroughputRun.MIDDLE_TO_PERCENT,
        steady(report.bestCompleteMiddleRate(SinkRound::stock)),
        steady(report.bestCompleteMiddleRate(SinkRound::ours)));
  }

  private static void pass(StringBuilder md, String label, PassResult pass) {
    read(md, label, pass.throughput(), OptionalDouble.empty());
  }

  /** A reader without commits: its rate, and its middle rate where known. */
  private static void read(StringBuilder md, String label, Throughput t, OptionalDouble middle) {
    line(md, "| %s | %,.0f | %.1f | %.1f s | | %s | | | |", label, t.recordsPerSecond(),
        t.megabytesPerSecond(), t.seconds(), middle.isPresent() ? steady(middle) : "");
  }

  private static void sink(StringBuilder md, String label, SinkRunResult run) {
    Throughput t = run.throughput();
    if (!run.complete()) {
      label += String.format(Locale.ROOT, ": INCOMPLETE, stalled at %,d of %,d rows (%,d lost);"
          + " figures for the rows that landed", run.rows(), run.expectedRows(),
          run.expectedRows() - run.rows());
    }
    line(md, "| %s | %,.0f | %.1f | %.1f s | %s | %s | %.1f s | %,d | %,d |", label,
        t.recordsPerSecond(), t.megabytesPerSecond(), t.seconds(),
        steady(run.steadyInputPerSecond()), steady(run.middleInputPerSecond()),
        seconds(run.toFirstCommit()),
        run.commitsWithRows(), run.dataFiles());
  }

  private static void freshnessTable(StringBuilder md, BenchReport report) {
    BenchSettings settings = report.settings();
    if (report.oursFreshness().isEmpty() && report.stockFreshness().isEmpty()) {
      line(md, "Freshness: not measured (--freshness-seconds 0).");
      return;
    }
    line(md, "Freshness, produce to visible (ms): generator at %,d events/s for %d s, one sink at"
        + " a time, commit interval %,d ms.", settings.freshnessRate(),
        settings.freshnessDuration().toSeconds(), settings.commitInterval().toMillis());
    line(md, "");
    line(md, "| sink | rows | commits | p50 | p99 | max | seen by a reader p50 / p99 |"
        + " Kafka timestamp - event_time p50 / p99 |");
    line(md, "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    report.stockFreshness().ifPresent(f -> fresh(md, f));
    report.oursFreshness().ifPresent(f -> fresh(md, f));
  }

  private static void fresh(StringBuilder md, FreshnessResult f) {
    String rows = f.complete() ? String.format(Locale.ROOT, "%,d", f.rows())
        : String.format(Locale.ROOT, "%,d of %,d: INCOMPLETE", f.rows(), f.expectedRows());
    line(md, "| %s | %s | %,d | %,d | %,d | %,d | %,d / %,d | %,d / %,d |", f.label(), rows,
        f.commitsWithRows(), f.byCommitTime().p50Millis(), f.byCommitTime().p99Millis(),
        f.byCommitTime().maxMillis(), f.byFirstSeen().p50Millis(), f.byFirstSeen().p99Millis(),
        f.produceLag().p50Millis(), f.produceLag().p99Millis());
  }

  private static void cpuTable(StringBuilder md, BenchReport report) {
    line(md, "CPU seconds by phase (workers: both Connect JVMs, with the part their JIT compiler"
        + " and garbage collector threads used; others: every other process on the machine):");
    line(md, "");
    line(md, "| phase | wall | workers | of which JIT | of which GC | broker | bench JVM | others |"
        + " workers µs/record | without JIT | load avg at end |");
    line(md, "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
    for (CpuUse use : report.phases()) {
      line(md, "| %s | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %s | %s | %s | %s |", use.phase(),
          seconds(use.wall()), seconds(use.workers()), seconds(use.workerJit()),
          seconds(use.workerGc()), seconds(use.broker()), seconds(use.harness()),
          optionalSeconds(use.others()), micros(use.workerMicrosPerRecord()),
          micros(use.workerMicrosPerRecordWithoutJit()), use.loadAverage());
    }
    line(md, "");
    line(md, "A round of a few seconds runs in workers that are still compiling: \"without JIT\""
        + " is nearer what a warm worker spends per record.");
  }

  private static String micros(Optional<Double> perRecord) {
    return perRecord.map(us -> String.format(Locale.ROOT, "%.1f", us)).orElse("");
  }

  private static String stateBytes(BenchReport report) {
    if (report.stateBytes() < 0) {
      return "unknown (not on the local disk)";
    }
    return String.format(Locale.ROOT, "%,d B for %,d keys (%.1f B/key, bases and deltas as kept)",
        report.stateBytes(), report.distinctRows(),
        (double) report.stateBytes() / report.distinctRows());
  }

  private static String steady(OptionalDouble perSecond) {
    return perSecond.isPresent() ? String.format(Locale.ROOT, "%,.0f", perSecond.getAsDouble())
        : "-";
  }

  private static String optionalSeconds(Optional<Duration> duration) {
    return duration.map(d -> String.format(Locale.ROOT, "%.1f", seconds(d))).orElse("?");
  }

  private static double seconds(Duration duration) {
    return duration.toNanos() / 1e9;
  }

  private static void line(StringBuilder md, String format, Object... args) {
    md.append(String.format(Locale.ROOT, format, args)).append('\n');
  }
}
