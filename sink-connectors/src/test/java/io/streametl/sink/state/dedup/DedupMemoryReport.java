package io.streametl.sink.state.dedup;

import io.streametl.sink.state.KeyHash;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Measures dedup state size per key, for docs/decisions/0004: heap bytes computed from the table
 * (capacity x slot size) and measured as the change in used heap around building the state, and
 * bytes on disk as the size of a base file. Run by hand (it is not a test):
 * {@code java -Xmx4g -cp <test classpath> io.streametl.sink.state.dedup.DedupMemoryReport 1000000 10000000}.
 */
public final class DedupMemoryReport {

  private DedupMemoryReport() {}

  public static void main(String[] args) throws IOException {
    for (String arg : args.length == 0 ? new String[] {"1000000", "10000000"} : args) {
      report(Integer.parseInt(arg));
    }
  }

  /** Keys in a state built from {@code keys} distinct random keys. */
  static PartitionDedupState build(int keys) {
    PartitionDedupState state = PartitionDedupState.empty(Duration.ofDays(1));
    SplittableRandom random = new SplittableRandom(42);
    long time = 1_763_700_000_000L;
    for (int i = 0; i < keys; i++) {
      state.firstSeen(new KeyHash(random.nextLong(), random.nextLong()), time + i);
    }
    state.markCommitted(); // the change journal is per cycle; measure the table alone
    return state;
  }

  static long baseFileBytes(PartitionDedupState state) throws IOException {
    CountingStream out = new CountingStream();
    state.writeBase(out, new StateFileOrigin("events", 0, 0, 1));
    return out.count;
  }

  private static void report(int keys) throws IOException {
    long before = usedHeap();
    PartitionDedupState state = build(keys);
    long after = usedHeap();
    long file = baseFileBytes(state);
    System.out.printf(Locale.ROOT, "%,d keys: table capacity %,d slots; heap computed %.1f B/key (%,d B), "
            + "measured %.1f B/key (%,d B); base file %.2f B/key (%,d B)%n",
        keys, (state.memoryBytes() - 48) / KeyHashTable.SLOT_BYTES, (double) state.memoryBytes() / keys,
        state.memoryBytes(), (double) (after - before) / keys, after - before, (double) file / keys, file);
    if (state.storedKeys() != keys) {
      throw new IllegalStateException("lost keys");
    }
  }

  private static long usedHeap() {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 5; i++) {
      System.gc();
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }

  private static final class CountingStream extends OutputStream {
    long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }
}
