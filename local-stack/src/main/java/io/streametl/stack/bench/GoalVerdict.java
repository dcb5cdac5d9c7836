package io.streametl.stack.bench;

import java.time.Duration;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * One goal of issue #3 and whether this run met it.
 *
 * @param goal what was asked, e.g. "our sink >= 0.5 x raw consumer"
 * @param measured the figure behind the verdict, e.g. "0.31 x"
 */
public record GoalVerdict(String goal, String measured, Outcome outcome) {

  /** Met, not met, or not measurable in this run (no complete run to judge). */
  public enum Outcome { MET, NOT_MET, NOT_MEASURED }

  static final String AT_LEAST_STOCK = "our sink >= stock Iceberg sink (records/s)";
  static final String HALF_OF_RAW = "our sink >= 0.5 x raw consumer (records/s)";

  /** Our sink's records/s at least the stock Iceberg sink's. */
  public static GoalVerdict atLeastStock(OptionalDouble oursPerSecond,
      OptionalDouble stockPerSecond) {
    return ratioGoal(AT_LEAST_STOCK, oursPerSecond, stockPerSecond, 1.0);
  }

  /** Our sink's records/s at least half the raw consumer's. */
  public static GoalVerdict atLeastHalfOfRaw(OptionalDouble oursPerSecond, double rawPerSecond) {
    return ratioGoal(HALF_OF_RAW, oursPerSecond, OptionalDouble.of(rawPerSecond), 0.5);
  }

  /** p99 freshness within the commit interval plus 2 s. */
  public static GoalVerdict freshWithinInterval(long p99Millis, Duration commitInterval) {
    long limit = commitInterval.toMillis() + 2_000;
    return new GoalVerdict("our sink p99 freshness <= commit interval + 2 s ("
        + String.format(Locale.ROOT, "%,d", limit) + " ms)",
        String.format(Locale.ROOT, "%,d ms", p99Millis),
        p99Millis <= limit ? Outcome.MET : Outcome.NOT_MET);
  }

  private static GoalVerdict ratioGoal(String goal, OptionalDouble numerator,
      OptionalDouble denominator, double atLeast) {
    if (numerator.isEmpty() || denominator.isEmpty()) {
      return new GoalVerdict(goal, "no complete run of " + (numerator.isEmpty() ? "our sink"
          : "the peer"), Outcome.NOT_MEASURED);
    }
    double ratio = ratio(numerator.getAsDouble(), denominator.getAsDouble());
    return new GoalVerdict(goal, String.format(Locale.ROOT, "%.2f x", ratio),
        ratio >= atLeast ? Outcome.MET : Outcome.NOT_MET);
  }

  static double ratio(double numerator, double denominator) {
    if (!(denominator > 0)) {
      throw new IllegalArgumentException("A ratio needs a positive denominator, got "
          + denominator);
    }
    return numerator / denominator;
  }

  public boolean met() {
    return outcome == Outcome.MET;
  }

  public String verdict() {
    return switch (outcome) {
      case MET -> "met";
      case NOT_MET -> "NOT met";
      case NOT_MEASURED -> "not measured";
    };
  }
}
