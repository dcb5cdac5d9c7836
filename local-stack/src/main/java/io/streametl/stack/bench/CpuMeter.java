package io.streametl.stack.bench;

import io.streametl.stack.ConnectWorker;
import io.streametl.stack.LocalStack;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * Samples CPU time: per process through {@link ProcessHandle} (all threads of each JVM), the
 * workers' JIT and GC threads from /proc/PID/task, for the machine from /proc/stat. CPU time per
 * record does not depend on what else runs on the machine the way records per second does, so it
 * is the steadier figure on shared cores.
 */
final class CpuMeter {

  private static final Path PROC_STAT = Path.of("/proc/stat");

  private final LocalStack stack;

  CpuMeter(LocalStack stack) {
    this.stack = stack;
  }

  CpuSample sample() {
    Duration workers = Duration.ZERO;
    JvmServiceThreads workerThreads = JvmServiceThreads.NONE;
    for (ConnectWorker worker : stack.workers()) {
      workers = workers.plus(cpu(ProcessHandle.of(worker.pid()).orElse(null)));
      workerThreads = workerThreads.plus(JvmServiceThreads.read(worker.pid()));
    }
    return new CpuSample(System.nanoTime(), workers, workerThreads,
        cpu(ProcessHandle.of(stack.broker().pid()).orElse(null)), cpu(ProcessHandle.current()),
        machineBusyTicks());
  }

  private static Duration cpu(ProcessHandle process) {
    return process == null ? Duration.ZERO
        : process.info().totalCpuDuration().orElse(Duration.ZERO);
  }

  private static OptionalLong machineBusyTicks() {
    try {
      String first = Files.readAllLines(PROC_STAT, StandardCharsets.US_ASCII).get(0);
      return OptionalLong.of(busyTicks(first));
    } catch (IOException | RuntimeException e) {
      return OptionalLong.empty();
    }
  }

  /**
   * Busy ticks of the "cpu" line of /proc/stat: user, nice, system, irq, softirq and steal;
   * idle and iowait are not busy, and guest time is already inside user.
   */
  static long busyTicks(String cpuLine) {
    String[] fields = cpuLine.trim().split("\\s+");
    if (!fields[0].equals("cpu") || fields.length < 8) {
      throw new IllegalArgumentException("Not the cpu line of /proc/stat: " + cpuLine);
    }
    long busy = 0;
    int[] busyFields = {1, 2, 3, 6, 7, 8};
    for (int field : busyFields) {
      if (field < fields.length) {
        busy += Long.parseLong(fields[field]);
      }
    }
    return busy;
  }
}
