package io.streametl.sink.state.dedup;

import java.io.DataInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Rebuilds a partition's dedup state from its state files: a base and the deltas committed after
 * it, as recorded with the destination's offsets.
 *
 * <p>A key's state is the latest time it was (re)stored, and the clock only moves forward, so
 * the files can be applied in any order and the newest time of each key wins; this also makes a
 * file listed twice harmless. The restore reads every header first to find the clock, then reads
 * only files holding some entry still live at that clock; entries already expired are dropped.
 */
public final class DedupStateRestorer {

  /**
   * The restored state, the next Kafka offset the files cover (the highest "to offset"; empty if
   * there were no files), and which files were read or skipped as fully expired.
   */
  public record Restored(
      PartitionDedupState state, OptionalLong nextOffset, List<String> filesRead, List<String> filesSkipped,
      long keysLoaded) {}

  private DedupStateRestorer() {}

  /**
   * Restores the state of {@code topic}-{@code partition} from {@code files}.
   *
   * @throws CorruptStateFileException if a file is damaged, of an unknown version, or belongs to
   *     another partition
   * @throws IOException if a file cannot be read
   */
  public static Restored restore(String topic, int partition, Duration ttl, List<? extends StateFileSource> files)
      throws IOException {
    long ttlSeconds = PartitionDedupState.ttlSeconds(ttl);
    List<DedupFileHeader> headers = new ArrayList<>(files.size());
    long clock = Long.MIN_VALUE;
    long nextOffset = -1;
    for (StateFileSource file : files) {
      DedupFileHeader header;
      try (DataInputStream in = DedupFileFormat.buffered(file.open())) {
        header = DedupFileFormat.readHeader(in, file.name());
      }
      if (!header.topic().equals(topic) || header.partition() != partition) {
        throw new CorruptStateFileException(file.name(), "belongs to another partition ("
            + header.topic() + "-" + header.partition() + ", not " + topic + "-" + partition + ")");
      }
      headers.add(header);
      clock = Math.max(clock, header.clock());
      nextOffset = Math.max(nextOffset, header.toOffset());
    }

    long upperBound = 0;
    for (DedupFileHeader header : headers) {
      if (!header.fullyExpiredAt(clock, ttlSeconds)) {
        upperBound += header.entryCount();
      }
    }
    KeyHashTable table = new KeyHashTable(KeyHashTable.capacityFor(upperBound));
    int relativeClock = clock == Long.MIN_VALUE
        ? StateTimes.NONE : StateTimes.fromEpochSeconds(clock, StateTimes.BASE_EPOCH_SECONDS);
    List<String> read = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      StateFileSource file = files.get(i);
      if (headers.get(i).fullyExpiredAt(clock, ttlSeconds)) {
        skipped.add(file.name());
        continue;
      }
      try (DataInputStream in = DedupFileFormat.buffered(file.open())) {
        DedupFileHeader again = DedupFileFormat.readHeader(in, file.name());
        if (!again.equals(headers.get(i))) {
          throw new CorruptStateFileException(file.name(), "changed while it was being read");
        }
        DedupFileFormat.readEntries(in, again, file.name(), (high, low, time) -> {
          if ((long) relativeClock - time <= ttlSeconds) {
            table.putMax(high, low, time);
          }
        });
      }
      read.add(file.name());
    }
    PartitionDedupState state = PartitionDedupState.restored(ttlSeconds, table, relativeClock);
    return new Restored(state, nextOffset < 0 ? OptionalLong.empty() : OptionalLong.of(nextOffset),
        List.copyOf(read), List.copyOf(skipped), table.size());
  }
}
