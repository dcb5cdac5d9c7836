package io.streametl.sink.state.dedup;

import java.io.IOException;
import java.io.InputStream;

/**
 * The header of a dedup state file (see {@link DedupFileFormat} for the layout). Times are epoch
 * seconds, {@link Long#MIN_VALUE} where there is none (a state that has seen no record, a file
 * with no entries).
 *
 * @param kind a full state or one cycle's changes
 * @param clock the partition's dedup clock (highest record time seen) after the records covered
 * @param oldestEntry the oldest entry time in the file
 * @param newestEntry the newest entry time in the file: once the clock passes it by more than the
 *     time-to-live, the whole file is expired and need not be read
 */
public record DedupFileHeader(
    Kind kind,
    int keyScheme,
    long timeBaseEpochSeconds,
    String topic,
    int partition,
    long fromOffset,
    long toOffset,
    long clock,
    long oldestEntry,
    long newestEntry,
    long entryCount) {

  /** What a file holds. */
  public enum Kind {
    /** Every live entry of a partition's state: a restore may start here. */
    BASE(1),
    /** The entries one commit cycle added or renewed, and the clock after it. */
    DELTA(2);

    final int code;

    Kind(int code) {
      this.code = code;
    }

    static Kind of(int code) {
      for (Kind kind : values()) {
        if (kind.code == code) {
          return kind;
        }
      }
      return null;
    }
  }

  /**
   * Reads and checks the header at the start of {@code in} (the caller closes the stream), e.g.
   * to decide at compaction which deltas have expired and can leave the chain.
   *
   * @throws CorruptStateFileException if it is not a readable dedup state file header
   */
  public static DedupFileHeader read(InputStream in, String fileName) throws IOException {
    return DedupFileFormat.readHeader(DedupFileFormat.buffered(in), fileName);
  }

  /** Whether every entry in the file has expired once the clock reads {@code clockEpochSeconds}. */
  public boolean fullyExpiredAt(long clockEpochSeconds, long ttlSeconds) {
    return entryCount == 0 || (clockEpochSeconds != Long.MIN_VALUE && clockEpochSeconds - newestEntry > ttlSeconds);
  }
}
