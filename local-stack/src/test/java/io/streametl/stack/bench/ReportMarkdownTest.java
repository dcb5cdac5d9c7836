package io.streametl.stack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ReportMarkdownTest {

  private static final BenchSettings SETTINGS = new BenchSettings(1_000_000, 4, 2,
      Duration.ofSeconds(1), 2, 2_000, Duration.ofSeconds(60), false, Map.of(), Path.of("/tmp/bench"),
      Path.of("connect-configs"), Path.of("libs"), Path.of("bundle.zip"));

  private static PassResult pass(long seconds) {
    return new PassResult(1_000_000, 36_000_000, 1_000_000_000, Duration.ofSeconds(seconds));
  }

  private static DiscardingRunResult discarding(long seconds, double middle) {
    return new DiscardingRunResult(new Throughput(1_000_000, 1_000_000_000, Duration.ofSeconds(seconds)),
        OptionalDouble.of(middle));
  }

  private static SinkRunResult sink(String label, long rows, long seconds) {
    return new SinkRunResult(label, rows, rows,
        new Throughput(1_000_000, 1_000_000_000, Duration.ofSeconds(seconds)),
        OptionalDouble.of(26_000), OptionalDouble.of(1_200_000.0 / seconds), Duration.ofSeconds(5),
        35, 140);
  }

  private static CpuUse cpu(String phase, long workerSeconds) {
    return new CpuUse(phase, 1_000_000, Duration.ofSeconds(20), Duration.ofSeconds(workerSeconds),
        Duration.ofSeconds(workerSeconds / 5), Duration.ofSeconds(1), Duration.ofSeconds(4), Duration.ofSeconds(1), Optional.of(Duration.ofSeconds(38)),
        "1.9 1.2 0.8");
  }

  private static BenchReport report(Optional<FreshnessResult> oursFreshness) {
    List<SinkRound> rounds = List.of(
        new SinkRound(1, pass(4), discarding(12, 110_000), sink("stock", 1_000_000, 40), cpu("stock sink, round 1", 36),
            sink("ours", 950_000, 20), cpu("our sink, round 1", 30)),
        new SinkRound(2, pass(2), discarding(10, 125_000), sink("stock", 1_000_000, 50), cpu("stock sink, round 2", 38),
            sink("ours", 950_000, 25), cpu("our sink, round 2", 34)));
    LatencySummary latency = new LatencySummary(120_000, 900, 1_800, 2_100);
    FreshnessResult stockFresh = new FreshnessResult("stock sink", 120_000, 120_000, 60, latency,
        latency,
        new LatencySummary(120_000, 1, 5, 40));
    return new BenchReport(Instant.parse("2026-11-21T18:00:00Z"),
        new MachineInfo(2, "AMD EPYC", 24L << 30, "OpenJDK 17", "Linux"), SETTINGS,
        new FillResult(1_000_000, 950_000, Duration.ofSeconds(25)), 950_000,
        new ReferenceReads(pass(5), pass(8), pass(10),
            "io.streametl.converter.StreamingJsonConverter", pass(9)), rounds, 9_000, 19_000_000,
        Optional.of(stockFresh), oursFreshness,
        List.of(cpu("stock sink, round 1", 36), cpu("our sink, round 1", 30)));
  }

  @Test
  void theReportHasTheMachineTheCommandTheFiguresAndTheGoals() {
    String markdown = report(Optional.empty()).markdown();

    assertThat(markdown)
        .contains("2 CPUs (AMD EPYC), 24.0 GiB memory")
        .contains("--events 1000000 --partitions 4 --tasks 2 --commit-interval-ms 1000 --rounds 2")
        .contains("1,000,000 records (950,000 distinct valid events, 5.0 % duplicates)")
        .contains("| consumer + Connect JsonConverter per value, the sinks' settings | 100,000 |")
        .contains("| consumer + StreamingJsonConverter per value (the sinks' converter) | 111,111 |")
        .contains("| raw consumer (byte[], read_committed): the limit, round 1 | 250,000 | 250.0"
            + " | 4.0 s |")
        .contains("| discarding sink on the workers (our sink's converters and SMTs, no writes): the"
            + " limit for our sink's pipeline, round 1 | 83,333 | 83.3 | 12.0 s | | 110,000 | | | |")
        .contains("| steady records/s (first to last commit) | middle records/s (10 % to 90 % of"
            + " rows) |")
        .contains("| stock Apache Iceberg sink, round 1, 1st | 25,000 | 25.0 | 40.0 s | 26,000 |"
            + " 30,000 | 5.0 s | 35 | 140 |")
        .contains("validate + enrich SMTs), round 2, 1st | 40,000 |")
        .contains("| stock Apache Iceberg sink, round 2, 2nd | 20,000 |")
        .contains("Best of 2 round(s): raw consumer 500,000 records/s, discarding sink 100,000"
            + " (middle rate 125,000), stock sink 25,000, our sink 50,000 (complete runs only). Workers' CPU per input record, mean over the rounds:"
            + " stock sink 37.0 µs, our sink 32.0 µs. Best middle rate (10 % to 90 % of rows,"
            + " complete runs): stock sink 30,000, our sink 60,000.")
        .contains("| our sink >= stock Iceberg sink (records/s) | 2.00 x | met |")
        .contains("| our sink >= 0.5 x raw consumer (records/s) | 0.10 x | NOT met |")
        .contains("19,000,000 B for 950,000 keys (20.0 B/key")
        .contains("| our sink, round 1 | 20.0 | 30.0 | 6.0 | 1.0 | 4.0 | 1.0 | 3.0 | 30.0 | 24.0 |"
            + " 1.9 1.2 0.8 |")
        .doesNotContain("freshness <=");
  }

  @Test
  void theGoalsTakeTheBestRoundOfEachReader() {
    BenchReport report = report(Optional.empty());

    assertThat(report.bestRecordsPerSecond(r -> r.raw().throughput()))
        .isCloseTo(500_000, within(1e-6));
    assertThat(report.meanWorkerMicrosPerRecord(SinkRound::oursCpu)).isCloseTo(32, within(1e-9));
  }

  @Test
  void aStalledRunIsMarkedAndLeftOutOfTheGoals() {
    SinkRunResult stalled = new SinkRunResult("stock", 999_000, 1_000_000,
        new Throughput(999_000, 999_000_000, Duration.ofSeconds(10)), OptionalDouble.empty(),
        OptionalDouble.of(500_000), Duration.ofSeconds(3), 12, 24);
    BenchReport base = report(Optional.empty());
    List<SinkRound> rounds = List.of(new SinkRound(1, pass(4), discarding(12, 110_000), stalled,
        cpu("stock sink, round 1", 36), sink("ours", 950_000, 20), cpu("our sink, round 1", 30)));
    BenchReport report = new BenchReport(base.startedAt(), base.machine(), base.settings(),
        base.fill(), base.distinctRows(), base.reads(), rounds, 0, 0, Optional.empty(),
        Optional.empty(), List.of());

    assertThat(report.goals().get(0).outcome()).isEqualTo(GoalVerdict.Outcome.NOT_MEASURED);
    assertThat(report.markdown())
        .contains("stock Apache Iceberg sink, round 1, 1st: INCOMPLETE, stalled at 999,000 of"
            + " 1,000,000 rows (1,000 lost); figures for the rows that landed | 99,900 |")
        .contains("stock sink -, our sink 50,000 (complete runs only)");
  }

  @Test
  void freshnessRowsAndItsGoalWhenMeasured() {
    LatencySummary latency = new LatencySummary(114_000, 900, 3_500, 4_000);
    FreshnessResult ours = new FreshnessResult("our sink", 114_000, 114_000, 60, latency,
        new LatencySummary(114_000, 950, 3_600, 4_100), new LatencySummary(120_000, 1, 5, 40));

    BenchReport report = report(Optional.of(ours));

    assertThat(report.goals()).hasSize(3);
    assertThat(report.goals().get(2).met()).isFalse();
    assertThat(report.markdown())
        .contains("| stock sink | 120,000 | 60 | 900 | 1,800 | 2,100 | 900 / 1,800 | 1 / 5 |")
        .contains("| our sink | 114,000 | 60 | 900 | 3,500 | 4,000 | 950 / 3,600 | 1 / 5 |")
        .contains("p99 freshness <= commit interval + 2 s (3,000 ms) | 3,500 ms | NOT met |");
  }
}
