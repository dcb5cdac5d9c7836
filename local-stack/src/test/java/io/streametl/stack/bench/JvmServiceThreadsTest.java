package io.streametl.stack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JvmServiceThreadsTest {

  @Test
  void hotspotThreadNamesAsProcCutsThemTellJitAndGcFromTheRest() {
    assertThat(JvmServiceThreads.kind("C2 CompilerThre")).isEqualTo(JvmServiceThreads.Kind.JIT);
    assertThat(JvmServiceThreads.kind("C1 CompilerThre")).isEqualTo(JvmServiceThreads.Kind.JIT);
    assertThat(JvmServiceThreads.kind("GC Thread#1")).isEqualTo(JvmServiceThreads.Kind.GC);
    assertThat(JvmServiceThreads.kind("G1 Conc#0")).isEqualTo(JvmServiceThreads.Kind.GC);
    assertThat(JvmServiceThreads.kind("G1 Main Marker")).isEqualTo(JvmServiceThreads.Kind.GC);
    assertThat(JvmServiceThreads.kind("G1 Refine#0")).isEqualTo(JvmServiceThreads.Kind.GC);
    assertThat(JvmServiceThreads.kind("task-thread-our")).isEqualTo(JvmServiceThreads.Kind.OTHER);
    assertThat(JvmServiceThreads.kind("VM Thread")).isEqualTo(JvmServiceThreads.Kind.OTHER);
  }

  @Test
  void cpuTicksAreUserPlusSystemCountedAfterTheThreadName() {
    // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime
    String stat = "4242 (C2 CompilerThre) S 1 4240 4240 0 -1 4194368 100 0 0 0 731 29 0 0 20 0 1 0 9";
    String oddName = "4243 (a) (b c) R 1 4240 4240 0 -1 4194368 100 0 0 0 5 6 0 0 20 0 1 0 9";

    assertThat(JvmServiceThreads.cpuTicks(stat)).isEqualTo(760);
    assertThat(JvmServiceThreads.cpuTicks(oddName)).isEqualTo(11);
    assertThatThrownBy(() -> JvmServiceThreads.cpuTicks("no name here"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JvmServiceThreads.cpuTicks("1 (x) S 1 2"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void twoWorkersReadingsGoTogetherAndEachThreadCountsFromItsFirstReading() {
    JvmServiceThreads worker0 = new JvmServiceThreads(Map.of(1L, 100L), Map.of(2L, 10L));
    JvmServiceThreads worker1 = new JvmServiceThreads(Map.of(11L, 50L), Map.of(12L, 5L));
    JvmServiceThreads before = worker0.plus(worker1);
    JvmServiceThreads after = new JvmServiceThreads(Map.of(1L, 150L, 11L, 60L, 13L, 30L),
        Map.of(2L, 20L, 12L, 5L));

    assertThat(after.jitSince(before)).isEqualTo(Duration.ofMillis(900)); // 50 + 10 + 30 ticks
    assertThat(after.gcSince(before)).isEqualTo(Duration.ofMillis(100));
    assertThat(before.jitSince(JvmServiceThreads.NONE)).isEqualTo(Duration.ofMillis(1500));
  }

  @Test
  void thisJvmHasCompilerThreadsThatHaveWorked() {
    assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "needs Linux's /proc");

    JvmServiceThreads threads = JvmServiceThreads.read(ProcessHandle.current().pid());

    // The test JVM has compiled JUnit and AssertJ by now, and HotSpot keeps at least one
    // compiler thread of each tier.
    assertThat(threads.jitTicks()).isNotEmpty();
    assertThat(threads.jitSince(JvmServiceThreads.NONE)).isPositive();
    assertThat(JvmServiceThreads.read(Long.MAX_VALUE)).isEqualTo(JvmServiceThreads.NONE);
  }
}
