package io.streametl.stack.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The machine the figures were taken on, for the report. Linux /proc where available. */
record MachineInfo(int cpus, String cpuModel, long memoryBytes, String jdk, String os) {

  private static final Path CPUINFO = Path.of("/proc/cpuinfo");
  private static final Path MEMINFO = Path.of("/proc/meminfo");
  private static final Path LOADAVG = Path.of("/proc/loadavg");

  static MachineInfo current() {
    return new MachineInfo(
        Runtime.getRuntime().availableProcessors(),
        procValue(CPUINFO, "model name").orElse("unknown"),
        procValue(MEMINFO, "MemTotal").map(MachineInfo::kilobytes).orElse(-1L),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
        System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
            + System.getProperty("os.arch"));
  }

  /** The 1, 5 and 15 minute load averages, or "unknown" off Linux. */
  static String loadAverage() {
    try {
      String[] fields = Files.readString(LOADAVG, StandardCharsets.US_ASCII).trim().split("\\s+");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  String describe() {
    return String.format(Locale.ROOT, "%d CPUs (%s), %.1f GiB memory, %s, %s", cpus, cpuModel,
        memoryBytes / (1024.0 * 1024 * 1024), jdk, os);
  }

  private static Optional<String> procValue(Path file, String key) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
      return lines.stream().filter(line -> line.startsWith(key))
          .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** "24568736 kB" as bytes. */
  static long kilobytes(String value) {
    return Long.parseLong(value.replace("kB", "").trim()) * 1024;
  }
}
