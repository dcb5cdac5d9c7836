package io.streametl.stack.bench;

import java.time.Duration;
import java.util.Optional;

/**
 * CPU time spent during one phase: by the Connect workers, the broker, this benchmark's JVM, and
 * everything else running on the machine (other people's builds and tests may share the cores).
 *
 * @param records records the workers handled in the phase (0 when they handled none)
 * @param workerJit the part of {@code workers} that the workers' JIT compiler threads used
 * @param workerGc the part of {@code workers} that their garbage collector threads used
 * @param machineBusy all CPUs' busy time; empty where /proc/stat cannot be read
 * @param loadAverage the 1, 5 and 15 minute load averages at the end of the phase
 */
record CpuUse(String phase, long records, Duration wall, Duration workers, Duration workerJit,
    Duration workerGc, Duration broker, Duration harness, Optional<Duration> machineBusy,
    String loadAverage) {

  /** Linux reports /proc/stat in USER_HZ, 100 ticks per second on every mainstream kernel. */
  static final long TICKS_PER_SECOND = 100;

  static CpuUse between(String phase, long records, CpuSample start, CpuSample end,
      String loadAverage) {
    Optional<Duration> machine = Optional.empty();
    if (start.machineBusyTicks().isPresent() && end.machineBusyTicks().isPresent()) {
      long ticks = end.machineBusyTicks().getAsLong() - start.machineBusyTicks().getAsLong();
      machine = Optional.of(Duration.ofMillis(ticks * 1000 / TICKS_PER_SECOND));
    }
    return new CpuUse(phase, records, Duration.ofNanos(end.wallNanos() - start.wallNanos()),
        end.workers().minus(start.workers()), end.workerThreads().jitSince(start.workerThreads()),
        end.workerThreads().gcSince(start.workerThreads()), end.broker().minus(start.broker()),
        end.harness().minus(start.harness()), machine, loadAverage);
  }

  /** Busy CPU time of processes outside this benchmark (never below zero: clocks differ). */
  Optional<Duration> others() {
    return machineBusy.map(busy -> {
      Duration others = busy.minus(workers).minus(broker).minus(harness);
      return others.isNegative() ? Duration.ZERO : others;
    });
  }

  /** Workers' CPU microseconds per record; empty when the phase handled no records. */
  Optional<Double> workerMicrosPerRecord() {
    return perRecord(workers);
  }

  /**
   * Workers' CPU microseconds per record without their JIT compiler threads: nearer what a worker
   * that has run for a while spends per record, though still above it, since the round also ran
   * code that was not compiled yet. Empty when the phase handled no records.
   */
  Optional<Double> workerMicrosPerRecordWithoutJit() {
    return perRecord(workers.minus(workerJit));
  }

  private Optional<Double> perRecord(Duration cpu) {
    return records == 0 ? Optional.empty() : Optional.of(cpu.toNanos() / 1000.0 / records);
  }
}
