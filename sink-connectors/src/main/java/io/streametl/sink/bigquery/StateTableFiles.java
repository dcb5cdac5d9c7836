package io.streametl.sink.bigquery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.Schema;
import com.google.cloud.bigquery.StandardSQLTypeName;
import io.streametl.sink.StateFileStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The dedup state files of a connector, kept in a BigQuery table in chunks, so that a partition's
 * state follows it to any worker (no shared disk needed). Files written during a cycle are held in
 * memory and committed to the state table before the ledger entry that references them: a file is
 * never referenced before it is visible, and a file of a cycle that never reached the ledger is
 * merely unreferenced. Deleting a committed file is a no-op (the Storage Write API appends only):
 * the table is partitioned by commit day and old partitions expire (docs/decisions/0008), so files
 * still referenced are written again ({@link #renewOlderThan}) before their partition can expire.
 */
final class StateTableFiles implements StateFileStore {

  static final int CHUNK_BYTES = 1024 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Clustered so that a restore reads only the connector's and files' blocks. */
  static final List<String> CLUSTERING = List.of("connector", "file_name");

  static final Schema SCHEMA = Schema.of(
      Field.newBuilder("connector", StandardSQLTypeName.STRING).setMode(Field.Mode.NULLABLE).build(),
      Field.newBuilder("file_name", StandardSQLTypeName.STRING).setMode(Field.Mode.NULLABLE).build(),
      Field.newBuilder("chunk_index", StandardSQLTypeName.INT64).setMode(Field.Mode.NULLABLE).build(),
      Field.newBuilder("chunk_count", StandardSQLTypeName.INT64).setMode(Field.Mode.NULLABLE).build(),
      Field.newBuilder("data", StandardSQLTypeName.BYTES).setMode(Field.Mode.NULLABLE).build(),
      // The partitioning column (the day decides when the rows expire), and the same instant as a
      // number, which is what reads use (added to tables of earlier versions, where it is null).
      Field.newBuilder(BigQueryTables.COMMITTED_AT, StandardSQLTypeName.TIMESTAMP).setMode(Field.Mode.NULLABLE).build(),
      Field.newBuilder("committed_at_micros", StandardSQLTypeName.INT64).setMode(Field.Mode.NULLABLE).build());
  private static final RowEncoder ENCODER = new RowEncoder(SCHEMA);

  private final FilteredRows reads;
  private final PendingStreams streams;
  private final TableRef table;
  private final String connector;
  private final Map<String, byte[]> pending = new LinkedHashMap<>();
  private final Map<String, byte[]> loaded = new HashMap<>();
  private final Set<String> expected = new HashSet<>();
  /** When each file this task loaded or wrote was last committed (0: by a version that did not say). */
  private final Map<String, Long> committedMicros = new HashMap<>();
  private final Clock clock;

  StateTableFiles(FilteredRows reads, PendingStreams streams, TableRef table, String connector, Clock clock) {
    this.reads = reads;
    this.streams = streams;
    this.table = table;
    this.connector = connector;
    this.clock = clock;
  }

  TableRef table() {
    return table;
  }

  @Override
  public OutputStream create(String name) {
    return new ByteArrayOutputStream() {
      @Override
      public void close() {
        pending.put(name, toByteArray());
      }
    };
  }

  @Override
  public InputStream open(String name) throws IOException {
    byte[] data = pending.containsKey(name) ? pending.get(name) : loaded.remove(name);
    if (data == null) {
      expected.add(name);
      load();
      data = loaded.remove(name);
    }
    if (data == null) {
      throw new IOException("dedup state file " + name + " of connector " + connector + " is not in " + table
          + " (or not all its chunks are)");
    }
    return new ByteArrayInputStream(data);
  }

  @Override
  public void delete(String name) {
    pending.remove(name);
  }

  /**
   * Notes the files the recorded states reference, so that one scan of the state table loads them
   * all when a partition is restored.
   */
  void expectFilesOf(Collection<String> stateDocuments) {
    loaded.clear(); // files of an earlier restore that it did not open (it is over by now)
    for (String document : stateDocuments) {
      expected.addAll(filesOf(document));
    }
  }

  /**
   * Writes again, with the next commit, the files these state documents reference that were last
   * committed before the cutoff, so that the copy a restore reads is always younger than the oldest
   * partition that may expire. A renewed file has two identical copies until the old one expires;
   * a restore reads either.
   *
   * @return how many files will be written again
   */
  int renewOlderThan(Collection<String> stateDocuments, long cutoffMicros) {
    Set<String> referenced = new HashSet<>();
    for (String document : stateDocuments) {
      referenced.addAll(filesOf(document));
    }
    referenced.removeAll(pending.keySet());
    // Files of a restore are known; others (referenced before this task owned the partition) are read once.
    Set<String> unknown = new HashSet<>(referenced);
    unknown.removeAll(committedMicros.keySet());
    if (!unknown.isEmpty()) {
      expected.addAll(unknown);
      load();
    }
    List<String> stale = new ArrayList<>();
    for (String name : referenced) {
      Long committed = committedMicros.get(name);
      if (committed != null && committed < cutoffMicros) {
        stale.add(name);
      }
    }
    // One read for every stale file whose bytes are not at hand, not one per file.
    List<String> toRead = stale.stream().filter(name -> !loaded.containsKey(name)).toList();
    if (!toRead.isEmpty()) {
      expected.addAll(toRead);
      load();
    }
    int renewed = 0;
    for (String name : stale) {
      byte[] data = loaded.remove(name);
      if (data != null) {
        pending.put(name, data);
        renewed++;
      }
    }
    unknown.forEach(loaded::remove);
    return renewed;
  }

  private static List<String> filesOf(String document) {
    List<String> files = new ArrayList<>();
    try {
      JSON.readTree(document).path("dedup_files").forEach((JsonNode f) -> files.add(f.asText()));
    } catch (IOException e) {
      // Unreadable documents fail in the restore itself, with the partition named.
    }
    return files;
  }

  /** Loads the expected files' chunks (BigQuery returns only those rows). */
  private void load() {
    Map<String, TreeMap<Long, byte[]>> chunks = new HashMap<>();
    Map<String, Long> counts = new HashMap<>();
    List<Map<String, Object>> rows = reads.read(table,
        List.of("file_name", "chunk_index", "chunk_count", "data", "committed_at_micros"),
        RowRestriction.and(RowRestriction.eq("connector", connector), RowRestriction.in("file_name", expected)));
    for (Map<String, Object> row : rows) {
      String name = (String) row.get("file_name");
      // A renewed file has two identical copies: either serves, and the newer one says when it expires.
      chunks.computeIfAbsent(name, n -> new TreeMap<>()).put((Long) row.get("chunk_index"), (byte[]) row.get("data"));
      counts.put(name, (Long) row.get("chunk_count"));
      Long micros = (Long) row.get("committed_at_micros");
      committedMicros.merge(name, micros == null ? 0L : micros, Math::max);
    }
    chunks.forEach((name, parts) -> {
      if (parts.size() == counts.get(name)) {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        parts.values().forEach(file::writeBytes);
        loaded.put(name, file.toByteArray());
      }
    });
    expected.clear();
  }

  boolean hasPending() {
    return !pending.isEmpty();
  }

  /** Commits the cycle's files to the state table (before the ledger references them). */
  void commitPending() {
    if (pending.isEmpty()) {
      return;
    }
    List<BufferedRow> rows = new ArrayList<>();
    java.time.Instant now = clock.instant();
    long micros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
    pending.forEach((name, data) -> {
      int count = Math.max(1, (data.length + CHUNK_BYTES - 1) / CHUNK_BYTES);
      for (int i = 0; i < count; i++) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("connector", connector);
        row.put("file_name", name);
        row.put("chunk_index", (long) i);
        row.put("chunk_count", (long) count);
        row.put("data", Arrays.copyOfRange(data, i * CHUNK_BYTES, Math.min(data.length, (i + 1) * CHUNK_BYTES)));
        row.put(BigQueryTables.COMMITTED_AT, now);
        row.put("committed_at_micros", micros);
        rows.add(new BufferedRow(ENCODER.encode(row), null));
      }
    });
    String stream = streams.writeFinalized(table, ENCODER, rows, (row, reason) -> {
      throw new IllegalStateException("the state table " + table + " rejected a chunk: " + reason);
    });
    streams.commit(table, stream);
    pending.keySet().forEach(name -> committedMicros.put(name, micros));
    pending.clear();
  }

  void discardPending() {
    pending.clear();
  }
}
