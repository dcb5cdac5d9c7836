package io.streametl.stack.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time of a JVM's JIT compiler and garbage collector threads, per thread, read from
 * /proc/PID/task on Linux. A benchmark round of a few seconds runs in JVMs that are still
 * compiling: the JIT's share says how far a round's CPU per record is from a warm worker's, and
 * the GC's share what the heap settings cost. Elsewhere than on Linux it is empty.
 *
 * <p>Keyed by thread id, which Linux keeps unique across processes while a thread lives, so the
 * threads of several workers go into one value. A thread that ends between two readings (HotSpot
 * stops idle compiler threads) loses the CPU it used after the first; its share is small.
 *
 * @param jitTicks compiler threads' CPU (user + system) in clock ticks, by thread id
 * @param gcTicks garbage collector threads' CPU in clock ticks, by thread id
 */
record JvmServiceThreads(Map<Long, Long> jitTicks, Map<Long, Long> gcTicks) {

  static final JvmServiceThreads NONE = new JvmServiceThreads(Map.of(), Map.of());

  private static final Path PROC = Path.of("/proc");

  JvmServiceThreads {
    jitTicks = Map.copyOf(jitTicks);
    gcTicks = Map.copyOf(gcTicks);
  }

  /** What a thread of HotSpot does, by its name as /proc shows it (cut to 15 characters). */
  enum Kind { JIT, GC, OTHER }

  static Kind kind(String threadName) {
    if (threadName.startsWith("C1 CompilerThre") || threadName.startsWith("C2 CompilerThre")) {
      return Kind.JIT;
    }
    // G1's workers: parallel (GC Thread#N), concurrent marking (G1 Conc#N, G1 Main Marker),
    // remembered set refinement (G1 Refine#N) and its service thread.
    if (threadName.startsWith("GC Thread#") || threadName.startsWith("G1 ")) {
      return Kind.GC;
    }
    return Kind.OTHER;
  }

  /**
   * User plus system CPU ticks from a /proc/PID/task/TID/stat line: fields 14 and 15, counted
   * after the thread name in parentheses, which may itself hold spaces and parentheses.
   */
  static long cpuTicks(String statLine) {
    int nameEnd = statLine.lastIndexOf(')');
    if (nameEnd < 0) {
      throw new IllegalArgumentException("Not a /proc stat line: " + statLine);
    }
    // After ") " come state (field 3), ppid (4), ... utime (14) and stime (15).
    String[] fields = statLine.substring(nameEnd + 2).trim().split("\\s+");
    if (fields.length < 13) {
      throw new IllegalArgumentException("Too few fields in a /proc stat line: " + statLine);
    }
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  /** The JIT and GC threads of process {@code pid} now, or {@link #NONE} where /proc has none. */
  static JvmServiceThreads read(long pid) {
    Path tasks = PROC.resolve(Long.toString(pid)).resolve("task");
    if (!Files.isDirectory(tasks)) {
      return NONE;
    }
    Map<Long, Long> jit = new HashMap<>();
    Map<Long, Long> gc = new HashMap<>();
    try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
      for (Path thread : threads) {
        readThread(thread, jit, gc);
      }
    } catch (IOException | DirectoryIteratorException e) {
      return NONE; // the process ended
    }
    return new JvmServiceThreads(jit, gc);
  }

  private static void readThread(Path thread, Map<Long, Long> jit, Map<Long, Long> gc) {
    Kind kind;
    long ticks;
    try {
      kind = kind(Files.readString(thread.resolve("comm"), StandardCharsets.US_ASCII).strip());
      if (kind == Kind.OTHER) {
        return;
      }
      ticks = cpuTicks(Files.readString(thread.resolve("stat"), StandardCharsets.US_ASCII));
    } catch (IOException e) {
      return; // the thread ended while the directory was read: the others still count
    }
    long tid = Long.parseLong(thread.getFileName().toString());
    (kind == Kind.JIT ? jit : gc).put(tid, ticks);
  }

  /** This reading's threads and another's, of another process read at the same moment. */
  JvmServiceThreads plus(JvmServiceThreads other) {
    Map<Long, Long> jit = new HashMap<>(jitTicks);
    jit.putAll(other.jitTicks);
    Map<Long, Long> gc = new HashMap<>(gcTicks);
    gc.putAll(other.gcTicks);
    return new JvmServiceThreads(jit, gc);
  }

  /** Compiler threads' CPU since {@code earlier}; a thread started since counts whole. */
  Duration jitSince(JvmServiceThreads earlier) {
    return since(jitTicks, earlier.jitTicks);
  }

  /** Garbage collector threads' CPU since {@code earlier}; a thread started since counts whole. */
  Duration gcSince(JvmServiceThreads earlier) {
    return since(gcTicks, earlier.gcTicks);
  }

  private static Duration since(Map<Long, Long> now, Map<Long, Long> earlier) {
    long ticks = 0;
    for (Map.Entry<Long, Long> thread : now.entrySet()) {
      ticks += Math.max(0, thread.getValue() - earlier.getOrDefault(thread.getKey(), 0L));
    }
    return Duration.ofMillis(ticks * 1000 / CpuUse.TICKS_PER_SECOND);
  }
}
