package io.streametl.sink.state.dedup;

import java.util.Arrays;

/**
 * An open-addressing hash table (linear probing) of 128-bit key hashes, each with an int time.
 * Three parallel primitive arrays and no per-entry objects: a slot costs {@value #SLOT_BYTES}
 * bytes. An empty slot holds the time {@link StateTimes#NONE}, so every 128-bit value is a valid
 * key. Removal shifts later entries back (no tombstones), so lookups stay short after rollbacks.
 */
final class KeyHashTable {

  static final int SLOT_BYTES = 8 + 8 + 4;
  static final int MIN_CAPACITY = 16;
  private static final int MAX_CAPACITY = 1 << 30;
  private static final long ARRAY_HEADER_BYTES = 16;

  private final long[] highs;
  private final long[] lows;
  private final int[] times;
  private final int mask;
  private int size;

  KeyHashTable(int capacity) {
    if (Integer.bitCount(capacity) != 1 || capacity < MIN_CAPACITY) {
      throw new IllegalArgumentException("capacity must be a power of two of at least " + MIN_CAPACITY);
    }
    highs = new long[capacity];
    lows = new long[capacity];
    times = new int[capacity];
    Arrays.fill(times, StateTimes.NONE);
    mask = capacity - 1;
  }

  /** The capacity that holds {@code entries} at a load of at most one half. */
  static int capacityFor(long entries) {
    long wanted = Math.max(MIN_CAPACITY, entries * 2);
    if (wanted > MAX_CAPACITY) {
      throw new IllegalStateException("dedup state for one partition would exceed " + (MAX_CAPACITY / 2)
          + " keys; shorten the dedup time-to-live or spread the topic over more partitions");
    }
    return Integer.highestOneBit((int) wanted - 1) << 1;
  }

  int capacity() {
    return mask + 1;
  }

  int size() {
    return size;
  }

  /** Whether one more entry keeps the load at or below three quarters. */
  boolean hasRoomForOneMore() {
    return (size + 1L) * 4 <= capacity() * 3L;
  }

  /** Heap bytes of the three arrays (slots times {@value #SLOT_BYTES}, plus array headers). */
  long memoryBytes() {
    return (long) capacity() * SLOT_BYTES + 3 * ARRAY_HEADER_BYTES;
  }

  /** The slot holding this key, or -1. */
  int find(long high, long low) {
    for (int slot = home(low); ; slot = (slot + 1) & mask) {
      if (times[slot] == StateTimes.NONE) {
        return -1;
      }
      if (highs[slot] == high && lows[slot] == low) {
        return slot;
      }
    }
  }

  /** Adds a key that is not in the table; the caller has checked {@link #hasRoomForOneMore()}. */
  void insert(long high, long low, int time) {
    int slot = home(low);
    while (times[slot] != StateTimes.NONE) {
      slot = (slot + 1) & mask;
    }
    highs[slot] = high;
    lows[slot] = low;
    times[slot] = time;
    size++;
  }

  /** Adds the key, or keeps the later of the two times if it is present (used when loading). */
  void putMax(long high, long low, int time) {
    int slot = find(high, low);
    if (slot < 0) {
      insert(high, low, time);
    } else if (time > times[slot]) {
      times[slot] = time;
    }
  }

  int timeAt(int slot) {
    return times[slot];
  }

  void setTime(int slot, int time) {
    times[slot] = time;
  }

  /** Empties a slot and moves later entries of its probe run back, so no lookup loses its way. */
  void removeAt(int slot) {
    int hole = slot;
    int next = slot;
    while (true) {
      next = (next + 1) & mask;
      if (times[next] == StateTimes.NONE) {
        break;
      }
      int home = home(lows[next]);
      boolean reachableWithoutHole = hole <= next ? (hole < home && home <= next) : (hole < home || home <= next);
      if (!reachableWithoutHole) {
        highs[hole] = highs[next];
        lows[hole] = lows[next];
        times[hole] = times[next];
        hole = next;
      }
    }
    times[hole] = StateTimes.NONE;
    size--;
  }

  void forEach(EntryVisitor visitor) {
    for (int slot = 0; slot < times.length; slot++) {
      if (times[slot] != StateTimes.NONE) {
        visitor.accept(highs[slot], lows[slot], times[slot]);
      }
    }
  }

  private int home(long low) {
    return (int) low & mask;
  }
}
