package io.streametl.source.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class WakeableSleeperTest {

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS) // a safety net against a hang, not a timing assertion
  void aWakeUpEndsTheWaitInProgressAndAllLaterOnes() throws Exception {
    WakeableSleeper sleeper = new WakeableSleeper();
    Thread waiting = new Thread(() -> {
      try {
        sleeper.sleep(Long.MAX_VALUE);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    waiting.start();

    sleeper.wakeUp();
    waiting.join();
    sleeper.sleep(Long.MAX_VALUE);

    assertThat(waiting.isAlive()).isFalse();
  }
}
