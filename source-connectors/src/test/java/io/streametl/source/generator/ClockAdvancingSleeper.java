package io.streametl.source.generator;

import java.util.ArrayList;
import java.util.List;

/** A sleeper that returns at once, moving the manual clock on by the time asked for. */
final class ClockAdvancingSleeper implements Sleeper {

  private final ManualClock clock;
  private final List<Long> sleeps = new ArrayList<>();
  private boolean woken;

  ClockAdvancingSleeper(ManualClock clock) {
    this.clock = clock;
  }

  @Override
  public void sleep(long millis) {
    sleeps.add(millis);
    clock.advance(millis);
  }

  @Override
  public void wakeUp() {
    woken = true;
  }

  List<Long> sleeps() {
    return sleeps;
  }

  boolean woken() {
    return woken;
  }
}
