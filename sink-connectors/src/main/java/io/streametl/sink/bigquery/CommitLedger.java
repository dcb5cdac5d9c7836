package io.streametl.sink.bigquery;

import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.Schema;
import com.google.cloud.bigquery.StandardSQLTypeName;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * The commit ledger: a BigQuery table where every commit of a task is recorded as one atomic
 * PENDING-stream commit of a few rows, which is the decision point of the cycle
 * (docs/decisions/0006). An {@code offsets} row per partition holds the next Kafka offset and the
 * dedup/aggregation state as of it; a {@code stream} row per table names the finalized write stream
 * holding the cycle's rows for it. A partition's position is its row with the highest offset (the
 * latest commit time breaks a tie: offsets never move back). Reads go through the Storage Read API
 * with row restrictions, so they return only the rows asked for.
 */
final class CommitLedger {

  static final String KIND_OFFSETS = "offsets";
  static final String KIND_STREAM = "stream";

  static final Schema SCHEMA = Schema.of(
      nullable("connector", StandardSQLTypeName.STRING),
      nullable("commit_id", StandardSQLTypeName.STRING),
      nullable("task", StandardSQLTypeName.INT64),
      nullable("committed_at", StandardSQLTypeName.TIMESTAMP),
      nullable("committed_at_micros", StandardSQLTypeName.INT64),
      nullable("kind", StandardSQLTypeName.STRING),
      nullable("topic", StandardSQLTypeName.STRING),
      nullable("kafka_partition", StandardSQLTypeName.INT64),
      nullable("next_offset", StandardSQLTypeName.INT64),
      nullable("state", StandardSQLTypeName.STRING),
      nullable("target_table", StandardSQLTypeName.STRING),
      nullable("write_stream", StandardSQLTypeName.STRING));

  private static final RowEncoder ENCODER = new RowEncoder(SCHEMA);

  /** A partition's committed position. */
  record Position(long nextOffset, String state, String commitId, long committedAtMicros) {}

  /** A finalized stream of rows a commit made visible (or will, once completed). */
  record StreamRef(TableRef table, String stream) {}

  /** What the ledger holds for some partitions: their positions, and the streams of those commits. */
  record Snapshot(Map<TopicPartition, Position> positions, Map<String, List<StreamRef>> streamsByCommit) {

    Map<TopicPartition, Long> offsets() {
      Map<TopicPartition, Long> offsets = new HashMap<>();
      positions.forEach((tp, p) -> offsets.put(tp, p.nextOffset()));
      return offsets;
    }

    Map<TopicPartition, String> states() {
      Map<TopicPartition, String> states = new HashMap<>();
      positions.forEach((tp, p) -> {
        if (p.state() != null) {
          states.put(tp, p.state());
        }
      });
      return states;
    }

    /** The streams of the commits these positions come from: the ones to complete on assignment. */
    List<StreamRef> streamsToComplete() {
      Set<String> commits = new HashSet<>();
      positions.values().forEach(p -> commits.add(p.commitId()));
      List<StreamRef> streams = new ArrayList<>();
      commits.forEach(id -> streams.addAll(streamsByCommit.getOrDefault(id, List.of())));
      return streams;
    }
  }

  /**
   * How far back position reads look, widening until every partition is found: the offsets refresh
   * records every assigned partition at least hourly by default, so the first window usually finds
   * them all and a read costs about an hour of one partition's commits.
   */
  static final List<Long> WINDOWS_MICROS = List.of(3_600L * 1_000_000, 24L * 3_600 * 1_000_000, Long.MAX_VALUE);
  static final List<String> OFFSET_COLUMNS =
      List.of("topic", "kafka_partition", "next_offset", "state", "commit_id", "committed_at_micros");
  static final List<String> STREAM_COLUMNS = List.of("commit_id", "target_table", "write_stream");
  /** The ledger is clustered so that a task's reads touch only its connector's and partitions' rows. */
  static final List<String> CLUSTERING = List.of("connector", "kind", "topic", "kafka_partition");

  private final FilteredRows reads;
  private final PendingStreams streams;
  private final TableRef table;
  private final String connector;
  private final int taskId;
  private final Clock clock;

  CommitLedger(FilteredRows reads, PendingStreams streams, TableRef table, String connector, int taskId, Clock clock) {
    this.reads = reads;
    this.streams = streams;
    this.table = table;
    this.connector = connector;
    this.taskId = taskId;
    this.clock = clock;
  }

  TableRef table() {
    return table;
  }

  /**
   * Where these partitions stand: each one's newest position, and the data streams of the commits
   * those positions come from. Reads the last hour's rows first, then the last day's, then the full
   * history, each time only for the partitions not found yet; BigQuery filters the rows server-side.
   */
  Snapshot read(Collection<TopicPartition> partitions) {
    Map<TopicPartition, Position> positions = new HashMap<>();
    if (partitions.isEmpty()) {
      return new Snapshot(positions, Map.of());
    }
    long now = micros(clock.instant());
    for (long window : WINDOWS_MICROS) {
      List<TopicPartition> missing = partitions.stream().filter(tp -> !positions.containsKey(tp)).toList();
      if (missing.isEmpty()) {
        break;
      }
      String restriction = window == Long.MAX_VALUE
          ? RowRestriction.and(ofConnector(KIND_OFFSETS), anyOf(missing, Map.of()))
          : RowRestriction.and(ofConnector(KIND_OFFSETS), anyOf(missing, Map.of()),
              RowRestriction.atLeast("committed_at_micros", now - window));
      collect(restriction, missing, positions);
    }
    Set<String> commits = new java.util.TreeSet<>();
    positions.values().forEach(p -> commits.add(p.commitId()));
    Map<String, List<StreamRef>> streamsByCommit = new LinkedHashMap<>();
    if (!commits.isEmpty()) {
      for (Map<String, Object> row : reads.read(table, STREAM_COLUMNS,
          RowRestriction.and(ofConnector(KIND_STREAM), RowRestriction.in("commit_id", commits)))) {
        streamsByCommit.computeIfAbsent((String) row.get("commit_id"), id -> new ArrayList<>())
            .add(new StreamRef(parseTable((String) row.get("target_table")), (String) row.get("write_stream")));
      }
    }
    return new Snapshot(positions, streamsByCommit);
  }

  /**
   * The positions of partitions another writer moved: those with a row beyond the offset this task
   * knows (any row, for a partition it knows none of). Empty when nobody else committed them, which
   * BigQuery answers by returning no row at all.
   */
  Map<TopicPartition, Long> movedBeyond(Collection<TopicPartition> partitions, Map<TopicPartition, Long> known) {
    Map<TopicPartition, Position> moved = new HashMap<>();
    if (!partitions.isEmpty()) {
      collect(RowRestriction.and(ofConnector(KIND_OFFSETS), anyOf(partitions, known)), partitions, moved);
    }
    Map<TopicPartition, Long> offsets = new HashMap<>();
    moved.forEach((tp, p) -> offsets.put(tp, p.nextOffset()));
    return offsets;
  }

  private void collect(String restriction, Collection<TopicPartition> wanted, Map<TopicPartition, Position> into) {
    Set<TopicPartition> wantedSet = new HashSet<>(wanted);
    for (Map<String, Object> row : reads.read(table, OFFSET_COLUMNS, restriction)) {
      TopicPartition tp = new TopicPartition((String) row.get("topic"), ((Long) row.get("kafka_partition")).intValue());
      if (wantedSet.contains(tp)) {
        Position candidate = new Position((Long) row.get("next_offset"), (String) row.get("state"),
            (String) row.get("commit_id"), (Long) row.get("committed_at_micros"));
        into.merge(tp, candidate, CommitLedger::later);
      }
    }
  }

  private String ofConnector(String kind) {
    return RowRestriction.and(RowRestriction.eq("connector", connector), RowRestriction.eq("kind", kind));
  }

  /** Rows of any of these partitions, beyond the known offset where one is given. */
  private static String anyOf(Collection<TopicPartition> partitions, Map<TopicPartition, Long> beyond) {
    List<String> terms = new ArrayList<>();
    for (TopicPartition tp : partitions) {
      Long offset = beyond.get(tp);
      terms.add(offset == null
          ? RowRestriction.and(RowRestriction.eq("topic", tp.topic()), RowRestriction.eq("kafka_partition", tp.partition()))
          : RowRestriction.and(RowRestriction.eq("topic", tp.topic()), RowRestriction.eq("kafka_partition", tp.partition()),
              RowRestriction.greater("next_offset", offset)));
    }
    return RowRestriction.or(terms);
  }

  private static long micros(Instant instant) {
    return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1000;
  }

  private static Position later(Position a, Position b) {
    if (a.nextOffset() != b.nextOffset()) {
      return a.nextOffset() > b.nextOffset() ? a : b;
    }
    return a.committedAtMicros() >= b.committedAtMicros() ? a : b;
  }

  /**
   * Records a commit: its offsets, states and data streams become the partitions' positions in one
   * atomic step. Repeating the final commit call after a lost response is safe (the stream is
   * already committed).
   */
  void record(String commitId, Map<TopicPartition, Long> nextOffsets, Map<TopicPartition, String> states,
      List<StreamRef> dataStreams) {
    Instant now = clock.instant();
    long micros = micros(now);
    List<BufferedRow> rows = new ArrayList<>();
    nextOffsets.forEach((tp, offset) -> {
      Map<String, Object> row = header(commitId, KIND_OFFSETS, now, micros);
      row.put("topic", tp.topic());
      row.put("kafka_partition", (long) tp.partition());
      row.put("next_offset", offset);
      row.put("state", states.get(tp));
      rows.add(new BufferedRow(ENCODER.encode(row), null));
    });
    for (StreamRef stream : dataStreams) {
      Map<String, Object> row = header(commitId, KIND_STREAM, now, micros);
      row.put("target_table", stream.table().writeParent());
      row.put("write_stream", stream.stream());
      rows.add(new BufferedRow(ENCODER.encode(row), null));
    }
    String ledgerStream = streams.writeFinalized(table, ENCODER, rows, (row, reason) -> {
      throw new IllegalStateException("the commit ledger " + table + " rejected a row: " + reason);
    });
    streams.commit(table, ledgerStream);
  }

  private Map<String, Object> header(String commitId, String kind, Instant now, long micros) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("connector", connector);
    row.put("commit_id", commitId);
    row.put("task", (long) taskId);
    row.put("committed_at", now);
    row.put("committed_at_micros", micros);
    row.put("kind", kind);
    return row;
  }

  private static TableRef parseTable(String writeParent) {
    com.google.cloud.bigquery.storage.v1.TableName name =
        com.google.cloud.bigquery.storage.v1.TableName.parse(writeParent);
    return new TableRef(name.getProject(), name.getDataset(), name.getTable());
  }

  private static Field nullable(String name, StandardSQLTypeName type) {
    return Field.newBuilder(name, type).setMode(Field.Mode.NULLABLE).build();
  }
}
