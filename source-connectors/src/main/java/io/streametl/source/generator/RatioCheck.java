package io.streametl.source.generator;

import java.util.Locale;
import java.util.Optional;

/** The cross-field rule on the three defect ratios, shared by the config class and validate(). */
final class RatioCheck {

  /** Tolerates float rounding, so 0.1 + 0.2 + 0.7 is accepted. */
  private static final double EPSILON = 1e-9;

  private RatioCheck() {}

  static boolean exceedsOne(double duplicate, double late, double invalid) {
    return duplicate + late + invalid > 1 + EPSILON;
  }

  /** The message to show when the ratios sum to more than 1, or empty when they are fine. */
  static Optional<String> problem(double duplicate, double late, double invalid) {
    if (!exceedsOne(duplicate, late, invalid)) {
      return Optional.empty();
    }
    return Optional.of(
        String.format(
            Locale.ROOT,
            "%s + %s + %s must be at most 1, because each is a share of all generated records, but"
                + " they sum to %s (%s + %s + %s); lower one of them",
            EventGeneratorConfig.DUPLICATE_RATIO_CONFIG,
            EventGeneratorConfig.LATE_RATIO_CONFIG,
            EventGeneratorConfig.INVALID_RATIO_CONFIG,
            duplicate + late + invalid,
            duplicate,
            late,
            invalid));
  }
}
