package io.streametl.sink.state.dedup;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * The binary layout of a dedup state file (base or delta), version 1. Big-endian throughout.
 *
 * <pre>
 * offset  size  field
 *      0     4  magic "SEDS" (StreamETL dedup state)
 *      4     2  format version (1)
 *      6     1  kind: 1 = base, 2 = delta
 *      7     1  key scheme: 1 = Murmur3 x64 128 (seed 0) of the CanonicalEncoder bytes
 *      8     8  time base, epoch seconds; entry times are seconds relative to it
 *     16     4  Kafka partition
 *     20     8  from offset (first Kafka offset covered)
 *     28     8  to offset (next Kafka offset after the records covered)
 *     36     8  clock after the records covered, epoch seconds (Long.MIN_VALUE: none)
 *     44     8  oldest entry time, epoch seconds (Long.MIN_VALUE: no entries)
 *     52     8  newest entry time, epoch seconds (Long.MIN_VALUE: no entries)
 *     60     8  entry count n
 *     68     2  topic name length t, then t bytes of UTF-8
 *   70+t     4  CRC32C of the header bytes above
 *   74+t  20*n  entries: hash high (8), hash low (8), time (4, relative to the time base)
 *    end     4  CRC32C of the entry bytes
 * </pre>
 *
 * <p>The header has its own checksum so a restore can read every file's header first, and skip
 * the body of files whose entries have all expired. Anything after the last checksum is an error.
 */
final class DedupFileFormat {

  static final int MAGIC = 0x53454453; // "SEDS"
  static final int VERSION = 1;
  static final int KEY_SCHEME_MURMUR3_CANONICAL_V1 = 1;
  static final int ENTRY_BYTES = 20;
  private static final int FIXED_HEADER_BYTES = 70;
  private static final int CHUNK_ENTRIES = 4096;

  private DedupFileFormat() {}

  /** Writes a header and the given entries; the caller keeps the stream open and closes it. */
  static void write(OutputStream out, DedupFileHeader header, EntrySource entries) throws IOException {
    byte[] topic = header.topic().getBytes(StandardCharsets.UTF_8);
    if (topic.length > 0xffff) {
      throw new IllegalArgumentException("topic name too long for a state file header");
    }
    ByteBuffer head = ByteBuffer.allocate(FIXED_HEADER_BYTES + topic.length + 4);
    head.putInt(MAGIC).putShort((short) VERSION).put((byte) header.kind().code)
        .put((byte) header.keyScheme()).putLong(header.timeBaseEpochSeconds()).putInt(header.partition())
        .putLong(header.fromOffset()).putLong(header.toOffset()).putLong(header.clock())
        .putLong(header.oldestEntry()).putLong(header.newestEntry()).putLong(header.entryCount())
        .putShort((short) topic.length).put(topic);
    CRC32C headerCrc = new CRC32C();
    headerCrc.update(head.array(), 0, head.position());
    head.putInt((int) headerCrc.getValue());
    out.write(head.array());

    CRC32C bodyCrc = new CRC32C();
    ByteBuffer chunk = ByteBuffer.allocate(CHUNK_ENTRIES * ENTRY_BYTES);
    long[] written = {0};
    IoVisitor flushing = (high, low, time) -> {
      chunk.putLong(high).putLong(low).putInt(time);
      written[0]++;
      if (!chunk.hasRemaining()) {
        flush(out, chunk, bodyCrc);
      }
    };
    entries.forEach(flushing);
    flush(out, chunk, bodyCrc);
    if (written[0] != header.entryCount()) {
      throw new IllegalStateException("wrote " + written[0] + " entries under a header announcing "
          + header.entryCount());
    }
    out.write(ByteBuffer.allocate(4).putInt((int) bodyCrc.getValue()).array());
    out.flush();
  }

  private static void flush(OutputStream out, ByteBuffer chunk, CRC32C crc) throws IOException {
    crc.update(chunk.array(), 0, chunk.position());
    out.write(chunk.array(), 0, chunk.position());
    chunk.clear();
  }

  /** Reads and checks the header, leaving the stream at the first entry. */
  static DedupFileHeader readHeader(DataInputStream in, String fileName) throws IOException {
    try {
      byte[] fixed = new byte[FIXED_HEADER_BYTES];
      in.readFully(fixed, 0, 4);
      ByteBuffer head = ByteBuffer.wrap(fixed);
      if (head.getInt() != MAGIC) {
        throw new CorruptStateFileException(fileName, "is not a StreamETL dedup state file (wrong magic number)");
      }
      in.readFully(fixed, 4, FIXED_HEADER_BYTES - 4);
      int version = head.getShort() & 0xffff;
      if (version != VERSION) {
        throw new CorruptStateFileException(fileName, "has format version " + version
            + ", which this version of the connector cannot read (it reads version " + VERSION + ")");
      }
      DedupFileHeader.Kind kind = DedupFileHeader.Kind.of(head.get());
      int keyScheme = head.get() & 0xff;
      long timeBase = head.getLong();
      int partition = head.getInt();
      long fromOffset = head.getLong();
      long toOffset = head.getLong();
      long clock = head.getLong();
      long oldest = head.getLong();
      long newest = head.getLong();
      long count = head.getLong();
      int topicLength = head.getShort() & 0xffff;
      byte[] topic = new byte[topicLength];
      in.readFully(topic);
      int storedCrc = in.readInt();
      CRC32C crc = new CRC32C();
      crc.update(fixed);
      crc.update(topic);
      if ((int) crc.getValue() != storedCrc) {
        throw new CorruptStateFileException(fileName, "has a damaged header (CRC32C mismatch)");
      }
      if (kind == null || keyScheme != KEY_SCHEME_MURMUR3_CANONICAL_V1 || count < 0 || count > Integer.MAX_VALUE) {
        throw new CorruptStateFileException(fileName, "has a header this version of the connector does not "
            + "understand (kind, key scheme or entry count)");
      }
      return new DedupFileHeader(kind, keyScheme, timeBase, new String(topic, StandardCharsets.UTF_8),
          partition, fromOffset, toOffset, clock, oldest, newest, count);
    } catch (EOFException e) {
      throw new CorruptStateFileException(fileName, "ends inside its header (truncated)");
    }
  }

  /** Reads the entries after {@link #readHeader}, checks their checksum and that nothing follows. */
  static void readEntries(DataInputStream in, DedupFileHeader header, String fileName, EntryVisitor visitor)
      throws IOException {
    CRC32C crc = new CRC32C();
    byte[] chunk = new byte[CHUNK_ENTRIES * ENTRY_BYTES];
    ByteBuffer view = ByteBuffer.wrap(chunk);
    long remaining = header.entryCount();
    try {
      while (remaining > 0) {
        int entries = (int) Math.min(remaining, CHUNK_ENTRIES);
        int bytes = entries * ENTRY_BYTES;
        in.readFully(chunk, 0, bytes);
        crc.update(chunk, 0, bytes);
        view.clear();
        for (int i = 0; i < entries; i++) {
          long high = view.getLong();
          long low = view.getLong();
          int relative = view.getInt();
          visitor.accept(high, low, StateTimes.fromEpochSeconds(
              relative + header.timeBaseEpochSeconds(), StateTimes.BASE_EPOCH_SECONDS));
        }
        remaining -= entries;
      }
      int storedCrc = in.readInt();
      if ((int) crc.getValue() != storedCrc) {
        throw new CorruptStateFileException(fileName, "has damaged entries (CRC32C mismatch)");
      }
    } catch (EOFException e) {
      throw new CorruptStateFileException(fileName, "ends before its last entry (truncated)");
    }
    if (in.read() != -1) {
      throw new CorruptStateFileException(fileName, "has unexpected bytes after its last checksum");
    }
  }

  static DataInputStream buffered(InputStream in) {
    return new DataInputStream(new BufferedInputStream(in, 1 << 16));
  }

  /** Entries to write; may throw the writer's IOException through. */
  @FunctionalInterface
  interface EntrySource {
    void forEach(IoVisitor visitor) throws IOException;
  }

  /** An {@link EntryVisitor} that may fail with the output stream's IOException. */
  @FunctionalInterface
  interface IoVisitor {
    void accept(long high, long low, int time) throws IOException;
  }
}
