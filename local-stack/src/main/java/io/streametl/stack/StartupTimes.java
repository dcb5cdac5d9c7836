package io.streametl.stack;

import java.time.Duration;
import java.util.Locale;

/** How long the stack took to start, measured for the user (never asserted on). */
public record StartupTimes(Duration broker, Duration workers, Duration total) {

  /** "41.3 s (broker 9.0 s, workers 30.2 s)" */
  public String describe() {
    return seconds(total) + " (broker " + seconds(broker) + ", workers " + seconds(workers) + ")";
  }

  private static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
  }
}
