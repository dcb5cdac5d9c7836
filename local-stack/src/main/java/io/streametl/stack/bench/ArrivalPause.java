package io.streametl.stack.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * The longest pause between two consecutive arrivals of a run, and how many records came after
 * it. A drain's rate is its records over the span from the first to the last arrival, so one
 * pause near the end (the last few messages held back somewhere) can halve it; this says whether
 * a slow run was slow throughout or stalled once.
 */
record ArrivalPause(long millis, long recordsAfter) {

  static final ArrivalPause NONE = new ArrivalPause(0, 0);

  /** The longest pause among these arrival times (milliseconds, in any order). */
  static ArrivalPause longest(long[] arrivalMillis) {
    long[] sorted = arrivalMillis.clone();
    Arrays.sort(sorted);
    ArrivalPause longest = NONE;
    for (int i = 1; i < sorted.length; i++) {
      long pause = sorted[i] - sorted[i - 1];
      if (pause > longest.millis()) {
        longest = new ArrivalPause(pause, sorted.length - i);
      }
    }
    return longest;
  }

  String describe() {
    return String.format(Locale.ROOT, "longest pause between arrivals %.2f s, %,d records after it",
        millis / 1e3, recordsAfter);
  }
}
