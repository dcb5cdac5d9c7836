package io.streametl.source.generator;

/**
 * Everything that determines the generated event sequence. Two factories with equal settings
 * generate identical events.
 *
 * @param seed {@code random.seed}
 * @param startMs the event time of position 0, epoch milliseconds
 * @param eventsPerSecond {@code events.per.second}; 0 means one millisecond of event time per position
 * @param duplicateRatio {@code duplicate.ratio}
 * @param lateRatio {@code late.ratio}
 * @param invalidRatio {@code invalid.ratio}, shared equally by the three invalid kinds
 * @param lateDelayMs {@code late.delay.ms}
 */
public record GeneratorSettings(
    long seed,
    long startMs,
    double eventsPerSecond,
    double duplicateRatio,
    double lateRatio,
    double invalidRatio,
    long lateDelayMs) {

  public GeneratorSettings {
    if (!(eventsPerSecond >= 0) || Double.isInfinite(eventsPerSecond)) {
      throw new IllegalArgumentException("eventsPerSecond must be finite and >= 0: " + eventsPerSecond);
    }
    requireRatio("duplicateRatio", duplicateRatio);
    requireRatio("lateRatio", lateRatio);
    requireRatio("invalidRatio", invalidRatio);
    if (RatioCheck.exceedsOne(duplicateRatio, lateRatio, invalidRatio)) {
      throw new IllegalArgumentException("the ratios must sum to at most 1");
    }
    if (lateDelayMs < 1) {
      throw new IllegalArgumentException("lateDelayMs must be >= 1: " + lateDelayMs);
    }
  }

  /** Settings with the given seed and start, a rate of 0, and no duplicates, late or invalid events. */
  public static GeneratorSettings clean(long seed, long startMs) {
    return new GeneratorSettings(
        seed, startMs, 0, 0, 0, 0, EventGeneratorConfig.LATE_DELAY_MS_DEFAULT);
  }

  private static void requireRatio(String name, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " must be in [0, 1]: " + value);
    }
  }
}
