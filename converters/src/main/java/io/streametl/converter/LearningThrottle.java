package io.streametl.converter;

/**
 * Decides whether a converter should learn the prefix of a record it could not match.
 *
 * <p>Learning costs a scan of the envelope and a copy of its prefix. It pays when the prefix comes
 * back. When more schemas than the converter remembers rotate through a topic, every learnt
 * prefix pushes out one that is about to be needed, and learning only adds its cost to
 * JsonConverter's. So the reads are counted in windows of {@value #WINDOW}: when more than half
 * of a window's reads matched no prefix although the list was full, learning pauses for
 * {@value #PAUSE_WINDOWS} windows, then is tried again. Records still use the prefixes already
 * learnt meanwhile.
 */
final class LearningThrottle {

  static final int WINDOW = 1024;
  static final int PAUSE_WINDOWS = 64;

  private int reads;
  private int misses;
  private int pausedWindows;

  /** Whether to learn now. */
  boolean learning() {
    return pausedWindows == 0;
  }

  /**
   * Counts one read.
   *
   * @param matched whether the record matched a learnt prefix
   * @param full whether the converter already remembers as many prefixes as it can
   */
  void count(boolean matched, boolean full) {
    reads++;
    if (!matched) {
      misses++;
    }
    if (reads == WINDOW) {
      if (pausedWindows > 0) {
        pausedWindows--;
      } else if (full && misses * 2 > WINDOW) {
        pausedWindows = PAUSE_WINDOWS;
      }
      reads = 0;
      misses = 0;
    }
  }
}
