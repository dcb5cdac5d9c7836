package io.streametl.source.generator;

import java.util.List;

/**
 * A SplitMix64 generator seeded from (seed, position, purpose).
 *
 * <p>Why not {@link java.util.SplittableRandom}: the generated events are a published contract
 * (end-to-end tests recompute them), and the JDK does not promise that its bounded draws stay the
 * same across versions. Owning these few lines keeps the sequence fixed forever.
 *
 * <p>Each position gets independent generators per purpose, so, for example, an event's field
 * values do not change when the duplicate ratio does.
 */
final class PositionRandom {

  /** Purposes: independent streams of draws for one position. */
  static final long KIND = 1;
  static final long CONTENT = 2;
  static final long DEFECT = 3;

  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private long state;

  PositionRandom(long seed, long position, long purpose) {
    this.state = mix64(mix64(seed) + mix64(position * GOLDEN_GAMMA + purpose));
  }

  long nextLong() {
    state += GOLDEN_GAMMA;
    return mix64(state);
  }

  /** Uniform in [0, 1). */
  double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** Uniform in [0, bound), for 0 &lt; bound &lt; 2^31; the bias is below 2^-31. */
  int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive: " + bound);
    }
    return (int) (((nextLong() >>> 33) * bound) >>> 31);
  }

  <T> T pick(List<T> choices) {
    return choices.get(nextInt(choices.size()));
  }

  /** Picks from {@code choices} with the given integer weights (same order). */
  <T> T pickWeighted(List<T> choices, int[] weights) {
    int total = 0;
    for (int weight : weights) {
      total += weight;
    }
    int draw = nextInt(total);
    for (int i = 0; i < weights.length; i++) {
      draw -= weights[i];
      if (draw < 0) {
        return choices.get(i);
      }
    }
    throw new IllegalStateException("weights do not cover the draw");
  }

  private static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
