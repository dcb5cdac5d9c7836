package io.streametl.sink.state.aggregate;

import java.util.Arrays;

/**
 * A window and a group: the window start and the group values' canonical encoding decide
 * equality; the normalised values ride along for the partial row.
 */
final class GroupKey implements Comparable<GroupKey> {

  final long windowStart;
  private final byte[] encoded;
  final Object[] values;
  private final int hash;

  GroupKey(long windowStart, byte[] encoded, Object[] values) {
    this.windowStart = windowStart;
    this.encoded = encoded;
    this.values = values;
    this.hash = 31 * Long.hashCode(windowStart) + Arrays.hashCode(encoded);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GroupKey other && other.windowStart == windowStart && Arrays.equals(other.encoded, encoded);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  /** Rows come out by window, then group, so a cycle's rows are in a reproducible order. */
  @Override
  public int compareTo(GroupKey other) {
    int byWindow = Long.compare(windowStart, other.windowStart);
    return byWindow != 0 ? byWindow : Arrays.compareUnsigned(encoded, other.encoded);
  }
}
