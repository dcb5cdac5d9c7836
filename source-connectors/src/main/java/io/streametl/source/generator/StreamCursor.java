package io.streametl.source.generator;

/** The next position a stream generates, stepping by the stream count, up to events.total. */
final class StreamCursor {

  private final int step;
  private final long limit;
  private long next;

  /**
   * @param next the next position to generate
   * @param step the number of streams
   * @param total events.total, or -1 for no limit
   */
  StreamCursor(long next, int step, long total) {
    this.next = next;
    this.step = step;
    this.limit = total < 0 ? Long.MAX_VALUE : total;
  }

  long next() {
    return next;
  }

  boolean exhausted() {
    return next >= limit;
  }

  void advance() {
    next += step;
  }
}
