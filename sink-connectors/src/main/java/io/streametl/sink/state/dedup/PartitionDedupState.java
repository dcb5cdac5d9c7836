package io.streametl.sink.state.dedup;

import io.streametl.sink.state.KeyHash;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Keep-first dedup state of one Kafka partition: which keys were seen within the time-to-live.
 *
 * <p><b>Time.</b> The state has its own clock: the highest record time it has been given (event
 * time or the Kafka record timestamp, chosen by the caller), never the wall clock. A key is
 * stored with the clock reading when it was first seen and is remembered until the clock has
 * moved more than the time-to-live past that reading. Every decision is therefore a function of
 * the partition's record sequence alone: replaying the partition from a committed offset, with
 * the state restored as of that offset, repeats every decision exactly.
 *
 * <p><b>Cycles.</b> Changes accumulate in the current commit cycle. When the cycle commits, write
 * its changes with {@link #writeDelta} (or the whole state with {@link #writeBase}), commit the
 * file with the cycle's offsets, then call {@link #markCommitted()}. If the commit fails, {@link
 * #rollback()} returns the state to the last commit, to be replayed from the committed offsets.
 *
 * <p>A commit may also be published while the next cycle already takes records: {@link #seal()}
 * right after writing the file ends the cycle, {@link #markSealedCommitted()} once its commit has
 * succeeded keeps the changes made since the seal as the next cycle's, and {@link #rollback()}
 * undoes both. At most one sealed cycle is pending at a time; the next file is written only after
 * it is committed or rolled back.
 *
 * <p><b>Size.</b> A key costs {@value KeyHashTable#SLOT_BYTES} bytes per table slot (128-bit hash
 * and an int time); the table is kept between one quarter and three quarters full, so 27 to 80
 * heap bytes per stored key, and {@value DedupFileFormat#ENTRY_BYTES} bytes per key on disk.
 * Expired keys are dropped when the table grows and when state is restored. Not thread-safe.
 */
public final class PartitionDedupState {

  private final long ttlSeconds;
  private final ChangeJournal journal = new ChangeJournal();
  private KeyHashTable table;
  private int clock;
  private int committedClock;
  private int sealedChanges;   // changes of the sealed cycle, the first ones in the journal
  private int sealedClock;
  private boolean sealPending;

  private PartitionDedupState(long ttlSeconds, KeyHashTable table, int clock) {
    this.ttlSeconds = ttlSeconds;
    this.table = table;
    this.clock = clock;
    this.committedClock = clock;
    this.sealedClock = clock;
  }

  /** A state that has seen nothing, remembering keys for {@code ttl} (rounded up to whole seconds). */
  public static PartitionDedupState empty(Duration ttl) {
    return new PartitionDedupState(ttlSeconds(ttl), new KeyHashTable(KeyHashTable.MIN_CAPACITY), StateTimes.NONE);
  }

  static PartitionDedupState restored(long ttlSeconds, KeyHashTable table, int clock) {
    return new PartitionDedupState(ttlSeconds, table, clock);
  }

  static long ttlSeconds(Duration ttl) {
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("the dedup time-to-live must be positive");
    }
    return (ttl.toMillis() + 999) / 1000;
  }

  /** See {@link #firstSeen(long, long, long)}. */
  public boolean firstSeen(KeyHash key, long timeMillis) {
    return firstSeen(key.high(), key.low(), timeMillis);
  }

  /**
   * Advances the clock to {@code timeMillis} if it is later, then answers whether the key is new:
   * true (and the key is remembered from now) if it was never seen or its entry has expired;
   * false if it was seen within the time-to-live (a duplicate: the entry is not renewed, so the
   * time-to-live runs from the first occurrence).
   */
  public boolean firstSeen(long high, long low, long timeMillis) {
    int time = StateTimes.fromEpochMillis(timeMillis);
    if (clock == StateTimes.NONE || time > clock) {
      clock = time;
    }
    int slot = table.find(high, low);
    if (slot >= 0) {
      int seen = table.timeAt(slot);
      if (isLive(seen, clock)) {
        return false;
      }
      journal.record(high, low, clock, seen);
      table.setTime(slot, clock);
      return true;
    }
    if (!table.hasRoomForOneMore()) {
      rebuild();
    }
    table.insert(high, low, clock);
    journal.record(high, low, clock, StateTimes.NONE);
    return true;
  }

  /** Whether the cycle changed anything (keys or clock) that a commit must record. */
  public boolean hasUncommittedChanges() {
    return journal.size() > 0 || clock != committedClock;
  }

  /** Keys added or renewed since the last commit (in the current cycle, and in a sealed one pending). */
  public int uncommittedKeys() {
    return journal.size();
  }

  /** Writes the current cycle's changes and clock as a delta file (does not close {@code out}). */
  public void writeDelta(OutputStream out, StateFileOrigin origin) throws IOException {
    requireNoSealPending();
    int[] range = timeRange(journal::forEachChange);
    DedupFileHeader header = header(DedupFileHeader.Kind.DELTA, origin, range, journal.size());
    DedupFileFormat.write(out, header, rethrowing(journal::forEachChange));
  }

  /**
   * Writes every live key and the clock as a base file (does not close {@code out}); a restore
   * from it needs no earlier file. Entries already expired at the current clock are left out.
   */
  public void writeBase(OutputStream out, StateFileOrigin origin) throws IOException {
    requireNoSealPending();
    Consumer<EntryVisitor> live = visitor -> table.forEach((high, low, time) -> {
      if (isLive(time, clock)) {
        visitor.accept(high, low, time);
      }
    });
    long[] count = {0};
    live.accept((high, low, time) -> count[0]++);
    int[] range = timeRange(live);
    DedupFileHeader header = header(DedupFileHeader.Kind.BASE, origin, range, count[0]);
    DedupFileFormat.write(out, header, rethrowing(live));
  }

  /** The cycle is committed (with its file and offsets): start the next one from here. */
  public void markCommitted() {
    seal();
    markSealedCommitted();
  }

  /**
   * Ends the cycle whose file was just written: changes from now on belong to the next cycle.
   * Its commit is pending until {@link #markSealedCommitted()} or {@link #rollback()}.
   */
  public void seal() {
    sealedChanges = journal.size();
    sealedClock = clock;
    sealPending = true;
  }

  /** The sealed cycle is committed; the changes made since {@link #seal()} stay uncommitted. */
  public void markSealedCommitted() {
    journal.dropFirst(sealedChanges);
    sealedChanges = 0;
    sealPending = false;
    committedClock = sealedClock;
  }

  /** Undoes the current cycle: the state is again what the last commit recorded. */
  public void rollback() {
    for (int i = journal.size() - 1; i >= 0; i--) {
      int slot = table.find(journal.high(i), journal.low(i));
      if (journal.oldTime(i) == StateTimes.NONE) {
        table.removeAt(slot);
      } else {
        table.setTime(slot, journal.oldTime(i));
      }
    }
    journal.clear();
    sealedChanges = 0;
    sealPending = false;
    clock = committedClock;
    sealedClock = committedClock;
  }

  /** The clock (highest record time seen) in epoch millis, or {@link Long#MIN_VALUE} before any record. */
  public long clockMillis() {
    return clock == StateTimes.NONE ? Long.MIN_VALUE : StateTimes.toEpochSeconds(clock) * 1000;
  }

  public Duration ttl() {
    return Duration.ofSeconds(ttlSeconds);
  }

  /** Keys held in memory, including expired ones not dropped yet: for the state-size metric. */
  public int storedKeys() {
    return table.size();
  }

  /** Heap bytes of the key table (its arrays; the cycle's change journal is extra). */
  public long memoryBytes() {
    return table.memoryBytes();
  }

  private void requireNoSealPending() {
    if (sealPending) {
      // The journal still holds the sealed cycle's changes: a delta now would repeat them.
      throw new IllegalStateException("the sealed cycle's commit is still pending; "
          + "mark it committed or roll back before writing the next file");
    }
  }

  private boolean isLive(int entryTime, int at) {
    return (long) at - entryTime <= ttlSeconds;
  }

  /**
   * Rebuilds the table at a size for its live keys. Only keys that had expired at the last
   * commit are dropped: a rollback moves the clock back there, and must find every key that was
   * live then.
   */
  private void rebuild() {
    int purgeAt = committedClock;
    long[] live = {0};
    table.forEach((high, low, time) -> {
      if (purgeAt == StateTimes.NONE || isLive(time, purgeAt)) {
        live[0]++;
      }
    });
    KeyHashTable bigger = new KeyHashTable(KeyHashTable.capacityFor(live[0] + 1));
    table.forEach((high, low, time) -> {
      if (purgeAt == StateTimes.NONE || isLive(time, purgeAt)) {
        bigger.insert(high, low, time);
      }
    });
    table = bigger;
  }

  private DedupFileHeader header(DedupFileHeader.Kind kind, StateFileOrigin origin, int[] range, long count) {
    return new DedupFileHeader(kind, DedupFileFormat.KEY_SCHEME_MURMUR3_CANONICAL_V1,
        StateTimes.BASE_EPOCH_SECONDS, origin.topic(), origin.partition(), origin.fromOffset(),
        origin.toOffset(), StateTimes.toEpochSeconds(clock), StateTimes.toEpochSeconds(range[0]),
        StateTimes.toEpochSeconds(range[1]), count);
  }

  /** {oldest, newest} entry time of the entries, both {@link StateTimes#NONE} if there are none. */
  private static int[] timeRange(Consumer<EntryVisitor> entries) {
    int[] range = {StateTimes.NONE, StateTimes.NONE};
    entries.accept((high, low, time) -> {
      if (range[0] == StateTimes.NONE || time < range[0]) {
        range[0] = time;
      }
      if (time > range[1]) {
        range[1] = time;
      }
    });
    return range;
  }

  private static DedupFileFormat.EntrySource rethrowing(Consumer<EntryVisitor> entries) {
    return visitor -> {
      try {
        entries.accept((high, low, time) -> {
          try {
            visitor.accept(high, low, time);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    };
  }
}
