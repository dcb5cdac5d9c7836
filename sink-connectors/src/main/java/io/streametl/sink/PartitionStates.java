package io.streametl.sink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streametl.sink.state.EventTimes;
import io.streametl.sink.state.aggregate.AddResult;
import io.streametl.sink.state.aggregate.AggregationSpec;
import io.streametl.sink.state.aggregate.PartialRow;
import io.streametl.sink.state.aggregate.SketchFormat;
import io.streametl.sink.state.aggregate.WindowAggregator;
import io.streametl.sink.state.dedup.DedupStateRestorer;
import io.streametl.sink.state.dedup.PartitionDedupState;
import io.streametl.sink.state.dedup.StateFileOrigin;
import io.streametl.sink.state.dedup.StateFileSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dedup and aggregation state of the partitions a task owns: the per-record decisions, and
 * persisting and restoring the state together with the offsets (DESIGN.md decisions 4 to 6).
 *
 * <p>Per partition, the committed state is a small JSON document recorded in the anchor table's
 * snapshot next to the partition's offset: the dedup files (one base and the deltas after it) and
 * each aggregation's highest event time. The dedup files are written before the commit that
 * references them; files of a failed commit are deleted, and files a new base replaces are deleted
 * once the commit that stops referencing them has succeeded.
 */
final class PartitionStates {

  private static final Logger LOG = LoggerFactory.getLogger(PartitionStates.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DedupSettings dedup;           // null: dedup is off
  private final List<AggregationSpec> aggregations;
  private final SketchFormat sketches;
  private final Map<TopicPartition, PartitionState> states = new HashMap<>();
  private final List<String> writtenThisCycle = new ArrayList<>();
  private final List<String> supersededThisCycle = new ArrayList<>();
  private final Map<TopicPartition, List<String>> filesBeforeCycle = new HashMap<>();
  private long duplicates;
  private long tooLate;

  PartitionStates(DedupSettings dedup, List<AggregationSpec> aggregations) {
    this(dedup, aggregations, SketchFormat.TRINO_HLL);
  }

  /**
   * @param sketches the destination's approx_distinct format; sketches only ever live in one cycle's
   *     partial rows, so the state documents (and those of earlier versions) are the same for every format
   */
  PartitionStates(DedupSettings dedup, List<AggregationSpec> aggregations, SketchFormat sketches) {
    this.dedup = dedup;
    this.aggregations = List.copyOf(aggregations);
    this.sketches = sketches;
  }

  boolean isStateful() {
    return dedup != null || !aggregations.isEmpty();
  }

  List<AggregationSpec> aggregations() {
    return aggregations;
  }

  /**
   * Restores a newly assigned partition from the state its anchor snapshot recorded (null: a
   * partition never committed, which starts empty).
   */
  void restore(TopicPartition tp, String stateJson, Long anchorOffset, StateFileStore store) {
    List<String> files = new ArrayList<>();
    Map<String, Long> maxEventTimes = new HashMap<>();
    if (stateJson != null) {
      JsonNode state = parse(stateJson, tp);
      state.path("dedup_files").forEach(f -> files.add(f.asText()));
      state.path("max_event_time").fields().forEachRemaining(e -> maxEventTimes.put(e.getKey(), e.getValue().asLong()));
    }
    PartitionDedupState dedupState = null;
    if (dedup != null) {
      dedupState = restoreDedup(tp, files, anchorOffset, store);
    }
    states.put(tp, new PartitionState(dedupState, dedup == null ? List.of() : files, aggregations, maxEventTimes,
        sketches));
  }

  private PartitionDedupState restoreDedup(TopicPartition tp, List<String> files, Long anchorOffset,
      StateFileStore store) {
    if (files.isEmpty()) {
      return PartitionDedupState.empty(dedup.ttl());
    }
    List<StateFileSource> sources = new ArrayList<>();
    for (String name : files) {
      sources.add(new StateFileSource() {
        @Override
        public String name() {
          return name;
        }

        @Override
        public InputStream open() throws IOException {
          return store.open(name);
        }
      });
    }
    try {
      DedupStateRestorer.Restored restored = DedupStateRestorer.restore(tp.topic(), tp.partition(), dedup.ttl(), sources);
      if (anchorOffset != null && restored.nextOffset().isPresent() && restored.nextOffset().getAsLong() != anchorOffset) {
        throw new ConnectException("the dedup state of " + tp + " ends at offset " + restored.nextOffset().getAsLong()
            + " but the table resumes at " + anchorOffset + "; the state does not match the offsets");
      }
      LOG.info("Restored dedup state of {}: {} keys from {} files ({} fully expired files skipped)", tp,
          restored.keysLoaded(), restored.filesRead().size(), restored.filesSkipped().size());
      return restored.state();
    } catch (IOException e) {
      throw new ConnectException("cannot read the dedup state files of " + tp + " " + files, e);
    }
  }

  private static JsonNode parse(String json, TopicPartition tp) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new ConnectException("the recorded processing state of " + tp + " is unreadable", e);
    }
  }

  void forget(Collection<TopicPartition> partitions) {
    partitions.forEach(states::remove);
  }

  /**
   * True for the first occurrence of the record's identity within the TTL (always true when dedup
   * is off); a duplicate is counted.
   *
   * @throws org.apache.kafka.connect.errors.DataException if the record has no identity
   */
  boolean firstSeen(TopicPartition tp, SinkRecord record) {
    if (dedup == null) {
      return true;
    }
    PartitionState state = states.get(tp);
    long time = dedup.clock().timeOf(record.value(), record.timestamp());
    boolean first = state.dedup.firstSeen(dedup.key().hash(record.key(), record.value()), time);
    if (!first) {
      duplicates++;
    }
    return first;
  }

  /**
   * Fails before any state changes when the record cannot be aggregated, so that no aggregation
   * takes it while another rejects it.
   */
  void checkAggregatable(SinkRecord record) {
    for (AggregationSpec spec : aggregations) {
      EventTimes.read(record.value(), spec.timeField());
    }
  }

  /** Adds the record to an aggregation, or only observes it (its table already holds it). */
  AddResult aggregate(TopicPartition tp, String aggregation, SinkRecord record, boolean add) {
    WindowAggregator aggregator = states.get(tp).aggregators.get(aggregation);
    AddResult result = add ? aggregator.add(record.value(), record.timestamp())
        : aggregator.observe(record.value(), record.timestamp());
    if (add && result.windowsTaken() == 0) {
      tooLate++;
    }
    return result;
  }

  /** The cycle's partial rows of one aggregation, over all partitions, as column-name maps. */
  List<Map<String, Object>> partialRows(AggregationSpec spec) {
    List<Map<String, Object>> rows = new ArrayList<>();
    List<String> names = spec.columns(); // built anew by every call
    for (PartitionState state : states.values()) {
      for (PartialRow row : state.aggregators.get(spec.name()).partialRows()) {
        Map<String, Object> columns = new LinkedHashMap<>();
        List<Object> values = row.values();
        for (int i = 0; i < names.size(); i++) {
          columns.put(names.get(i), values.get(i));
        }
        rows.add(columns);
      }
    }
    return rows;
  }

  /**
   * Writes the cycle's dedup files for the partitions that moved and returns each one's state
   * document for the anchor commit. A partition's files are rewritten as one base after
   * {@code compactAfterFiles} deltas.
   */
  Map<TopicPartition, String> persist(Map<TopicPartition, Long> nextOffsets, Map<TopicPartition, Long> previous,
      StateFileStore store) {
    Map<TopicPartition, String> documents = new HashMap<>();
    for (Map.Entry<TopicPartition, Long> entry : nextOffsets.entrySet()) {
      TopicPartition tp = entry.getKey();
      PartitionState state = states.get(tp);
      if (state == null) {
        continue;
      }
      if (state.dedup != null) {
        filesBeforeCycle.put(tp, List.copyOf(state.dedupFiles));
        long from = Math.min(previous.getOrDefault(tp, 0L), entry.getValue());
        writeDedupFile(tp, state, new StateFileOrigin(tp.topic(), tp.partition(), from, entry.getValue()), store);
      }
      documents.put(tp, document(state));
    }
    return documents;
  }

  /**
   * The state documents of partitions that took no record since their last commit, as that commit
   * recorded them, without writing any file: the offsets refresh records them again with the
   * unchanged offsets, so the newest snapshot that mentions a partition is never old.
   */
  Map<TopicPartition, String> unchangedDocuments(Collection<TopicPartition> partitions) {
    Map<TopicPartition, String> documents = new HashMap<>();
    for (TopicPartition tp : partitions) {
      PartitionState state = states.get(tp);
      if (state != null) {
        documents.put(tp, document(state));
      }
    }
    return documents;
  }

  private String document(PartitionState state) {
    ObjectNode document = JSON.createObjectNode();
    if (state.dedup != null) {
      ArrayNode files = document.putArray("dedup_files");
      state.dedupFiles.forEach(files::add);
    }
    ObjectNode times = document.putObject("max_event_time");
    state.aggregators.forEach((name, aggregator) -> {
      if (aggregator.maxEventTimeMillis() != WindowAggregator.NO_TIME) {
        times.put(name, aggregator.maxEventTimeMillis());
      }
    });
    return document.toString();
  }

  private void writeDedupFile(TopicPartition tp, PartitionState state, StateFileOrigin origin, StateFileStore store) {
    boolean base = state.dedupFiles.size() >= dedup.compactAfterFiles();
    String name = tp.topic() + "-" + tp.partition() + "/" + origin.toOffset() + "-" + (base ? "base" : "delta")
        + "-" + UUID.randomUUID() + ".seds";
    try (OutputStream out = store.create(name)) {
      if (base) {
        state.dedup.writeBase(out, origin);
      } else {
        state.dedup.writeDelta(out, origin);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the dedup state file " + name, e);
    }
    writtenThisCycle.add(name);
    if (base) {
      supersededThisCycle.addAll(state.dedupFiles);
      state.dedupFiles.clear();
    }
    state.dedupFiles.add(name);
  }

  /**
   * Ends the cycle whose partial rows were taken and whose files {@link #persist} wrote: records
   * from now on belong to the next cycle, while this one's commit is pending.
   */
  void seal() {
    for (PartitionState state : states.values()) {
      if (state.dedup != null) {
        state.dedup.seal();
      }
      state.aggregators.values().forEach(WindowAggregator::seal);
    }
  }

  /** The commit that references the sealed cycle's files succeeded. */
  void committed(StateFileStore store) {
    for (PartitionState state : states.values()) {
      if (state.dedup != null) {
        state.dedup.markSealedCommitted();
      }
      state.aggregators.values().forEach(WindowAggregator::markSealedCommitted);
    }
    supersededThisCycle.forEach(name -> deleteQuietly(store, name));
    clearCycle();
  }

  /** The cycle (and a sealed one pending) was discarded: back to the committed state, and its files deleted. */
  void rollback(StateFileStore store) {
    for (Map.Entry<TopicPartition, PartitionState> entry : states.entrySet()) {
      PartitionState state = entry.getValue();
      if (state.dedup != null) {
        state.dedup.rollback();
        List<String> before = filesBeforeCycle.get(entry.getKey());
        if (before != null) {
          state.dedupFiles.clear();
          state.dedupFiles.addAll(before);
        }
      }
      state.aggregators.values().forEach(WindowAggregator::rollback);
    }
    if (store != null) {
      writtenThisCycle.forEach(name -> deleteQuietly(store, name));
    }
    clearCycle();
  }

  private void clearCycle() {
    writtenThisCycle.clear();
    supersededThisCycle.clear();
    filesBeforeCycle.clear();
  }

  private static void deleteQuietly(StateFileStore store, String name) {
    try {
      store.delete(name);
    } catch (RuntimeException e) {
      LOG.warn("Could not delete the unreferenced dedup state file {}; it is safe to remove: {}", name, e.getMessage());
    }
  }

  long duplicatesDropped() {
    return duplicates;
  }

  long tooLateCounted() {
    return tooLate;
  }

  /** Dedup keys in memory over the assigned partitions (0 when dedup is off). */
  long dedupKeys() {
    long keys = 0;
    for (PartitionState state : states.values()) {
      if (state.dedup != null) {
        keys += state.dedup.storedKeys();
      }
    }
    return keys;
  }
}
