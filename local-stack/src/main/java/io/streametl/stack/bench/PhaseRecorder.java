package io.streametl.stack.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Marks the start and end of each phase and keeps the CPU each one used. */
final class PhaseRecorder {

  private final CpuMeter meter;
  private final PrintStream out;
  private final List<CpuUse> phases = new ArrayList<>();
  private CpuSample start;

  PhaseRecorder(CpuMeter meter, PrintStream out) {
    this.meter = meter;
    this.out = out;
  }

  void begin(String title) {
    out.println("== " + title);
    start = meter.sample();
  }

  /** @param records records the workers handled in the phase, 0 if none */
  CpuUse end(String phase, long records) {
    CpuUse use = CpuUse.between(phase, records, start, meter.sample(),
        MachineInfo.loadAverage());
    phases.add(use);
    out.printf(Locale.ROOT, "  CPU: workers %.1f s (JIT %.1f s, GC %.1f s), broker %.1f s, bench JVM"
            + " %.1f s, others %s over %.1f s; load %s%n", seconds(use.workers()),
        seconds(use.workerJit()), seconds(use.workerGc()), seconds(use.broker()),
        seconds(use.harness()), use.others().map(d -> String.format(Locale.ROOT, "%.1f s",
            seconds(d))).orElse("unknown"), seconds(use.wall()), use.loadAverage());
    return use;
  }

  List<CpuUse> phases() {
    return List.copyOf(phases);
  }

  static double seconds(java.time.Duration duration) {
    return duration.toNanos() / 1e9;
  }
}
