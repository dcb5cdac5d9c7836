package io.streametl.source.http;

import io.streametl.source.http.client.Sleeper;
import java.util.ArrayList;
import java.util.List;

/** A sleeper that returns at once, moving the manual clock on by the time asked for. */
public final class ClockAdvancingSleeper implements Sleeper {

  private final ManualClock clock;
  private final List<Long> sleeps = new ArrayList<>();
  private boolean woken;

  public ClockAdvancingSleeper(ManualClock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized void sleep(long millis) {
    sleeps.add(millis);
    clock.advance(millis);
  }

  @Override
  public void wakeUp() {
    woken = true;
  }

  public synchronized List<Long> sleeps() {
    return List.copyOf(sleeps);
  }

  public boolean woken() {
    return woken;
  }
}
