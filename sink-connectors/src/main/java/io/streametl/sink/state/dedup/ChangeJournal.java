package io.streametl.sink.state.dedup;

import java.util.Arrays;

/**
 * The keys a commit cycle added or renewed, each with its new time (what the cycle's delta file
 * holds) and its time before the change (what a rollback puts back; {@link StateTimes#NONE} if
 * the key was not in the table).
 */
final class ChangeJournal {

  private long[] highs = new long[64];
  private long[] lows = new long[64];
  private int[] newTimes = new int[64];
  private int[] oldTimes = new int[64];
  private int size;

  void record(long high, long low, int newTime, int oldTime) {
    if (size == highs.length) {
      int grown = size * 2;
      highs = Arrays.copyOf(highs, grown);
      lows = Arrays.copyOf(lows, grown);
      newTimes = Arrays.copyOf(newTimes, grown);
      oldTimes = Arrays.copyOf(oldTimes, grown);
    }
    highs[size] = high;
    lows[size] = low;
    newTimes[size] = newTime;
    oldTimes[size] = oldTime;
    size++;
  }

  int size() {
    return size;
  }

  long high(int i) {
    return highs[i];
  }

  long low(int i) {
    return lows[i];
  }

  int oldTime(int i) {
    return oldTimes[i];
  }

  /** Visits the changes in the order they were made, with their new times. */
  void forEachChange(EntryVisitor visitor) {
    for (int i = 0; i < size; i++) {
      visitor.accept(highs[i], lows[i], newTimes[i]);
    }
  }

  /** Forgets the first {@code count} changes (a sealed cycle that is now committed), keeping the later ones. */
  void dropFirst(int count) {
    if (count >= size) {
      clear();
      return;
    }
    int left = size - count;
    System.arraycopy(highs, count, highs, 0, left);
    System.arraycopy(lows, count, lows, 0, left);
    System.arraycopy(newTimes, count, newTimes, 0, left);
    System.arraycopy(oldTimes, count, oldTimes, 0, left);
    size = left;
  }

  void clear() {
    size = 0;
    if (highs.length > 1 << 16) {
      // A burst cycle grew the arrays; give the memory back rather than hold it for good.
      highs = new long[64];
      lows = new long[64];
      newTimes = new int[64];
      oldTimes = new int[64];
    }
  }
}
