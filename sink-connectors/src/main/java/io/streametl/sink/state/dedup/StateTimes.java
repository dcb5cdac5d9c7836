package io.streametl.sink.state.dedup;

/**
 * Dedup entry times: whole seconds since {@link #BASE_EPOCH_SECONDS}, in an int, so an entry's
 * time costs 4 bytes. That covers 1952 to 2088; times outside saturate at the ends, which keeps
 * every decision deterministic (it only shortens or lengthens retention for absurd times).
 */
final class StateTimes {

  /** 2020-01-01T00:00:00Z. Persisted in every file header, so it may change in a later version. */
  static final long BASE_EPOCH_SECONDS = 1_577_836_800L;
  /** Marks an empty table slot and "no time yet"; never a real time. */
  static final int NONE = Integer.MIN_VALUE;
  static final long NO_EPOCH_SECONDS = Long.MIN_VALUE;

  private StateTimes() {}

  static int fromEpochMillis(long epochMillis) {
    return fromEpochSeconds(Math.floorDiv(epochMillis, 1000L), BASE_EPOCH_SECONDS);
  }

  /** {@code epochSeconds} relative to {@code base}, saturated to the int range above {@link #NONE}. */
  static int fromEpochSeconds(long epochSeconds, long base) {
    long relative = epochSeconds - base;
    if (relative <= NONE) {
      return NONE + 1;
    }
    return (int) Math.min(relative, Integer.MAX_VALUE);
  }

  static long toEpochSeconds(int relative) {
    return relative == NONE ? NO_EPOCH_SECONDS : relative + BASE_EPOCH_SECONDS;
  }
}
