package io.streametl.converter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LearningThrottleTest {

  @Test
  void aWindowOfMostlyMissesWithAFullListPausesLearningThenItResumes() {
    LearningThrottle throttle = new LearningThrottle();
    window(throttle, LearningThrottle.WINDOW / 2 + 1, true);
    assertThat(throttle.learning()).isFalse();

    for (int i = 0; i < LearningThrottle.PAUSE_WINDOWS - 1; i++) {
      window(throttle, 0, true);
      assertThat(throttle.learning()).as("window %d of the pause", i + 1).isFalse();
    }
    window(throttle, 0, true);
    assertThat(throttle.learning()).isTrue();
  }

  @Test
  void halfMissesOrAListStillFillingKeepItLearning() {
    LearningThrottle throttle = new LearningThrottle();
    window(throttle, LearningThrottle.WINDOW / 2, true);
    assertThat(throttle.learning()).isTrue();
    window(throttle, LearningThrottle.WINDOW, false);
    assertThat(throttle.learning()).isTrue();
  }

  @Test
  void itDecidesOnlyAtTheEndOfAWindow() {
    LearningThrottle throttle = new LearningThrottle();
    for (int i = 0; i < LearningThrottle.WINDOW - 1; i++) {
      throttle.count(false, true);
    }
    assertThat(throttle.learning()).isTrue();
    throttle.count(false, true);
    assertThat(throttle.learning()).isFalse();
  }

  private static void window(LearningThrottle throttle, int misses, boolean full) {
    for (int i = 0; i < LearningThrottle.WINDOW; i++) {
      throttle.count(i >= misses, full);
    }
  }
}
