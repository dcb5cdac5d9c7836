package io.streametl.stack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class CpuUseTest {

  private static CpuSample sample(long wallSeconds, long workers, long broker, long harness,
      OptionalLong ticks) {
    return sample(wallSeconds, workers, JvmServiceThreads.NONE, broker, harness, ticks);
  }

  private static CpuSample sample(long wallSeconds, long workers, JvmServiceThreads threads,
      long broker, long harness, OptionalLong ticks) {
    return new CpuSample(Duration.ofSeconds(wallSeconds).toNanos(), Duration.ofSeconds(workers),
        threads, Duration.ofSeconds(broker), Duration.ofSeconds(harness), ticks);
  }

  @Test
  void aPhaseUsesTheDifferenceOfTwoSamples() {
    CpuUse use = CpuUse.between("sink", 1_000_000, sample(100, 10, 5, 2, OptionalLong.of(10_000)),
        sample(130, 50, 9, 3, OptionalLong.of(16_000)), "2.0 1.5 1.0");

    assertThat(use.wall()).isEqualTo(Duration.ofSeconds(30));
    assertThat(use.workers()).isEqualTo(Duration.ofSeconds(40));
    assertThat(use.broker()).isEqualTo(Duration.ofSeconds(4));
    assertThat(use.harness()).isEqualTo(Duration.ofSeconds(1));
    assertThat(use.machineBusy()).contains(Duration.ofSeconds(60));
    assertThat(use.others()).contains(Duration.ofSeconds(15));
    assertThat(use.workerMicrosPerRecord()).contains(40.0);
  }

  @Test
  void theWorkersJitAndGcThreadsAreTheirShareOfTheWorkersCpu() {
    // Ticks of 10 ms. Thread 7 (C2) used 3 s in the phase, thread 9 (C1) started in it and used
    // 1 s; thread 8 (C2) ended in the phase. GC thread 20 used 2 s.
    JvmServiceThreads before = new JvmServiceThreads(Map.of(7L, 500L, 8L, 100L), Map.of(20L, 40L));
    JvmServiceThreads after = new JvmServiceThreads(Map.of(7L, 800L, 9L, 100L), Map.of(20L, 240L));

    CpuUse use = CpuUse.between("sink", 1_000_000, sample(0, 10, before, 0, 0, OptionalLong.empty()),
        sample(10, 30, after, 0, 0, OptionalLong.empty()), "");

    assertThat(use.workers()).isEqualTo(Duration.ofSeconds(20));
    assertThat(use.workerJit()).isEqualTo(Duration.ofSeconds(4));
    assertThat(use.workerGc()).isEqualTo(Duration.ofSeconds(2));
    assertThat(use.workerMicrosPerRecord()).contains(20.0);
    assertThat(use.workerMicrosPerRecordWithoutJit()).contains(16.0);
  }

  @Test
  void othersAreNeverNegativeAndUnknownWithoutProcStat() {
    CpuUse ownOnly = CpuUse.between("x", 0, sample(0, 0, 0, 0, OptionalLong.of(0)),
        sample(1, 2, 0, 0, OptionalLong.of(150)), "");
    CpuUse noProc = CpuUse.between("x", 0, sample(0, 0, 0, 0, OptionalLong.empty()),
        sample(1, 1, 0, 0, OptionalLong.empty()), "");

    assertThat(ownOnly.others()).contains(Duration.ZERO);
    assertThat(noProc.others()).isEqualTo(Optional.empty());
    assertThat(noProc.workerMicrosPerRecord()).isEmpty();
  }

  @Test
  void busyTicksOfProcStatLeaveIdleAndIowaitOut() {
    // cpu user nice system idle iowait irq softirq steal guest guest_nice
    assertThat(CpuMeter.busyTicks("cpu  100 5 50 9000 300 7 8 9 40 0")).isEqualTo(179);
    assertThatThrownBy(() -> CpuMeter.busyTicks("cpu0 1 2 3 4 5 6 7"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
