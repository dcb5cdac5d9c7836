package io.streametl.sink.state.aggregate;

import io.streametl.sink.state.Murmur3;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A HyperLogLog with 4096 buckets that serializes to the format of Trino's {@code HyperLogLog}
 * type (Airlift's {@code io.airlift.stats.cardinality}: SPARSE_V2 while small, DENSE_V2 after),
 * so Trino folds partial rows with {@code cardinality(merge(CAST(col AS HyperLogLog)))}.
 *
 * <p>Written here rather than taken from Airlift: Airlift's last Java 17 release measures object
 * sizes with JOL, which on first use writes an agent jar and tries to attach it to the running
 * JVM (and prints warnings) - not something a plugin may do inside a Connect worker. Tests check
 * this class byte for byte against Airlift. Values are hashed as Airlift does (the first 64 bits
 * of Murmur3 x64 128 with seed 0: of the UTF-8 bytes for text, of the 8 little-endian bytes for
 * an integer), so the sketches also merge with Trino's own {@code approx_set} of varchar and bigint.
 */
final class TrinoHyperLogLog {

  static final int INDEX_BITS = 12;
  static final int BUCKETS = 1 << INDEX_BITS;
  private static final byte SPARSE_V2 = 2;
  private static final byte DENSE_V2 = 3;
  // Sparse entries keep the hash's first 26 bits and, in 6 more, the zeros that follow them.
  private static final int PREFIX_BITS = 26;
  private static final int VALUE_BITS = 6;
  private static final int VALUE_MASK = (1 << VALUE_BITS) - 1;
  /** Beyond this many sparse entries (4 bytes each) the dense form (about 2 KB) is smaller. */
  private static final int SPARSE_LIMIT = 512;
  private static final int MAX_DELTA = 15;

  private int[] entries = new int[8]; // sorted by prefix; unused once dense
  private int entryCount;
  private byte[] registers; // null while sparse

  void addString(String text) {
    byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    addBytes(bytes);
  }

  void addLong(long value) {
    byte[] bytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array();
    addBytes(bytes);
  }

  void addBytes(byte[] bytes) {
    addHash(Murmur3.hash128(bytes, 0, bytes.length).high());
  }

  void addHash(long hash) {
    if (registers != null) {
      int bucket = (int) (hash >>> (64 - INDEX_BITS));
      setMax(bucket, Long.numberOfLeadingZeros((hash << INDEX_BITS) | (1L << (INDEX_BITS - 1))) + 1);
      return;
    }
    int prefix = (int) (hash >>> (64 - PREFIX_BITS));
    int zeros = Long.numberOfLeadingZeros((hash << PREFIX_BITS) | (1L << (PREFIX_BITS - 1)));
    int position = findPrefix(prefix);
    if (position >= 0) {
      if ((entries[position] & VALUE_MASK) < zeros) {
        entries[position] = (prefix << VALUE_BITS) | zeros;
      }
      return;
    }
    int insertAt = -(position + 1);
    if (entryCount == entries.length) {
      entries = Arrays.copyOf(entries, entries.length * 2);
    }
    System.arraycopy(entries, insertAt, entries, insertAt + 1, entryCount - insertAt);
    entries[insertAt] = (prefix << VALUE_BITS) | zeros;
    entryCount++;
    if (entryCount > SPARSE_LIMIT) {
      toDense();
    }
  }

  private int findPrefix(int prefix) {
    int low = 0;
    int high = entryCount - 1;
    while (low <= high) {
      int middle = (low + high) >>> 1;
      int found = entries[middle] >>> VALUE_BITS;
      if (found < prefix) {
        low = middle + 1;
      } else if (found > prefix) {
        high = middle - 1;
      } else {
        return middle;
      }
    }
    return -(low + 1);
  }

  /** Switches to the dense form now (tests compare it with Airlift's dense form at any size). */
  void makeDense() {
    if (registers == null) {
      toDense();
    }
  }

  /** A sparse entry's bucket is its first index bits; its value counts zeros after them, + 1. */
  private void toDense() {
    registers = new byte[BUCKETS];
    int bitsAfterIndex = PREFIX_BITS - INDEX_BITS;
    for (int i = 0; i < entryCount; i++) {
      int entry = entries[i];
      int zeros = Integer.numberOfLeadingZeros(entry << INDEX_BITS);
      if (zeros >= bitsAfterIndex) {
        zeros = bitsAfterIndex + (entry & VALUE_MASK);
      }
      setMax(entry >>> (32 - INDEX_BITS), zeros + 1);
    }
    entries = null;
  }

  private void setMax(int bucket, int value) {
    if (value > registers[bucket]) {
      registers[bucket] = (byte) value;
    }
  }

  byte[] serialize() {
    return registers == null ? serializeSparse() : serializeDense();
  }

  private byte[] serializeSparse() {
    ByteBuffer out = ByteBuffer.allocate(4 + 4 * entryCount).order(ByteOrder.LITTLE_ENDIAN);
    out.put(SPARSE_V2).put((byte) INDEX_BITS).putShort((short) entryCount);
    for (int i = 0; i < entryCount; i++) {
      out.putInt(entries[i]);
    }
    return out.array();
  }

  /**
   * DENSE_V2: a baseline (the smallest register), 4-bit deltas above it (two buckets a byte, the
   * even bucket in the high half), and for deltas above 15 the excess, listed by bucket.
   */
  private byte[] serializeDense() {
    int baseline = Byte.MAX_VALUE;
    int overflows = 0;
    for (byte value : registers) {
      baseline = Math.min(baseline, value);
    }
    for (byte value : registers) {
      if (value - baseline > MAX_DELTA) {
        overflows++;
      }
    }
    ByteBuffer out = ByteBuffer.allocate(3 + BUCKETS / 2 + 2 + 3 * overflows).order(ByteOrder.LITTLE_ENDIAN);
    out.put(DENSE_V2).put((byte) INDEX_BITS).put((byte) baseline);
    for (int bucket = 0; bucket < BUCKETS; bucket += 2) {
      int high = Math.min(registers[bucket] - baseline, MAX_DELTA);
      int low = Math.min(registers[bucket + 1] - baseline, MAX_DELTA);
      out.put((byte) ((high << 4) | low));
    }
    out.putShort((short) overflows);
    for (int bucket = 0; bucket < BUCKETS; bucket++) {
      if (registers[bucket] - baseline > MAX_DELTA) {
        out.putShort((short) bucket);
      }
    }
    for (byte value : registers) {
      if (value - baseline > MAX_DELTA) {
        out.put((byte) (value - baseline - MAX_DELTA));
      }
    }
    return out.array();
  }
}
