package io.streametl.stack.bench;

import java.util.Arrays;

/** A growable array of longs, so millions of latencies do not become millions of Longs. */
final class LongList {

  private long[] values = new long[1024];
  private int size;

  void add(long value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = value;
  }

  int size() {
    return size;
  }

  long[] toArray() {
    return Arrays.copyOf(values, size);
  }
}
