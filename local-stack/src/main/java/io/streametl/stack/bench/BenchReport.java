package io.streametl.stack.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * Everything one {@code bench-sink} run measured.
 *
 * @param distinctRows distinct valid events: what our sink's events table holds after dedup
 * @param rounds the throughput rounds (raw consumer, stock sink, our sink)
 * @param aggregateRows rows in our sink's aggregate tables after its last throughput run
 * @param stateBytes our sink's dedup state files on disk after its last throughput run (-1 unknown)
 * @param phases the CPU each phase used
 */
public record BenchReport(
    Instant startedAt,
    MachineInfo machine,
    BenchSettings settings,
    FillResult fill,
    long distinctRows,
    ReferenceReads reads,
    List<SinkRound> rounds,
    long aggregateRows,
    long stateBytes,
    Optional<FreshnessResult> stockFreshness,
    Optional<FreshnessResult> oursFreshness,
    List<CpuUse> phases) {

  public BenchReport {
    if (rounds.isEmpty()) {
      throw new IllegalArgumentException("A report needs at least one round");
    }
    rounds = List.copyOf(rounds);
    phases = List.copyOf(phases);
  }

  /**
   * The goals of issue #3, each on the best complete round of each reader: on shared cores other
   * work only ever slows a round down, so the best round is the least disturbed one. A sink run
   * that stalled short of its rows (rows lost) does not count.
   */
  public List<GoalVerdict> goals() {
    List<GoalVerdict> goals = new ArrayList<>();
    OptionalDouble ours = bestCompleteRecordsPerSecond(SinkRound::ours);
    goals.add(GoalVerdict.atLeastStock(ours, bestCompleteRecordsPerSecond(SinkRound::stock)));
    goals.add(GoalVerdict.atLeastHalfOfRaw(ours,
        bestRecordsPerSecond(r -> r.raw().throughput())));
    oursFreshness.ifPresent(fresh -> goals.add(GoalVerdict.freshWithinInterval(
        fresh.byCommitTime().p99Millis(), settings.commitInterval())));
    return goals;
  }

  double bestRecordsPerSecond(Function<SinkRound, Throughput> reader) {
    return rounds.stream().map(reader).mapToDouble(Throughput::recordsPerSecond).max()
        .orElseThrow();
  }

  /** The best records/s of a sink over its complete rounds; empty if every round stalled. */
  OptionalDouble bestCompleteRecordsPerSecond(Function<SinkRound, SinkRunResult> sink) {
    return rounds.stream().map(sink).filter(SinkRunResult::complete)
        .mapToDouble(run -> run.throughput().recordsPerSecond()).max();
  }

  /** The best middle rate (see {@link SinkRunResult#middleInputPerSecond}) of complete runs. */
  OptionalDouble bestCompleteMiddleRate(Function<SinkRound, SinkRunResult> sink) {
    return bestMiddle(round -> sink.apply(round).complete()
        ? sink.apply(round).middleInputPerSecond() : OptionalDouble.empty());
  }

  /** The best of a per-round rate that a round may lack. */
  OptionalDouble bestMiddle(Function<SinkRound, OptionalDouble> rate) {
    return rounds.stream().map(rate).filter(OptionalDouble::isPresent)
        .mapToDouble(OptionalDouble::getAsDouble).max();
  }

  /** The workers' CPU microseconds per input record, averaged over the rounds. */
  double meanWorkerMicrosPerRecord(Function<SinkRound, CpuUse> sink) {
    return rounds.stream().map(sink).map(CpuUse::workerMicrosPerRecord)
        .mapToDouble(Optional::orElseThrow).average().orElseThrow();
  }

  /** The report as Markdown, for docs/benchmarks/sink.md. */
  public String markdown() {
    return ReportMarkdown.format(this);
  }
}
