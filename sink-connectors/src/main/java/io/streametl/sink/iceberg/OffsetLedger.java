package io.streametl.sink.iceberg;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.util.SnapshotUtil;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * Kafka offsets kept in the table itself: each commit stores, in its snapshot summary, the next
 * offset to read for every partition it wrote, under a key named after the connector. The data
 * and the offsets become visible in one atomic catalog update, so the table is the single source
 * of truth for where a task resumes (no coordinator, no control topic).
 *
 * <p>A snapshot records only the partitions of the task that made it (tasks commit on their own),
 * so the current offset of a partition is found in the newest ancestor snapshot that mentions it.
 */
public final class OffsetLedger {

  /** Followed by the connector name: the summary key of a connector's offsets (maintenance reads every connector's). */
  public static final String SUMMARY_KEY_PREFIX = "streametl.kafka-offsets.";
  public static final String STATE_KEY_PREFIX = "streametl.state.";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Map<String, Long>>> SHAPE = new TypeReference<>() {};

  private final String summaryKey;
  private final String stateKey;

  public OffsetLedger(String connectorName) {
    this.summaryKey = SUMMARY_KEY_PREFIX + connectorName;
    this.stateKey = STATE_KEY_PREFIX + connectorName;
  }

  public String summaryKey() {
    return summaryKey;
  }

  /** The summary key of the processing state (dedup files, event-time marks) recorded with the offsets. */
  public String stateKey() {
    return stateKey;
  }

  /** The summary value recording these next-offsets. */
  public String encode(Map<TopicPartition, Long> nextOffsets) {
    Map<String, Map<String, Long>> byTopic = new TreeMap<>();
    nextOffsets.forEach((tp, offset) ->
        byTopic.computeIfAbsent(tp.topic(), t -> new TreeMap<>()).put(Integer.toString(tp.partition()), offset));
    try {
      return JSON.writeValueAsString(byTopic);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode offsets", e);
    }
  }

  /** Reads a summary value {@link #encode} wrote; a damaged value fails rather than guessing. */
  public Map<TopicPartition, Long> decode(String value, long snapshotId) {
    try {
      Map<TopicPartition, Long> result = new HashMap<>();
      JSON.readValue(value, SHAPE).forEach((topic, partitions) ->
          partitions.forEach((partition, offset) -> result.put(new TopicPartition(topic, Integer.parseInt(partition)), offset)));
      return result;
    } catch (JsonProcessingException | NumberFormatException e) {
      // Resuming from a guess would lose or duplicate data: stop and say where the bad entry is.
      throw new ConnectException("snapshot " + snapshotId + " has an unreadable '" + summaryKey
          + "' summary entry; the table's offset record is damaged and the task cannot resume safely", e);
    }
  }

  /**
   * The next offset of each given partition as committed in the table (refresh it first);
   * partitions the table has never recorded are absent from the result.
   */
  public Map<TopicPartition, Long> committedOffsets(Table table, Collection<TopicPartition> partitions) {
    Map<TopicPartition, Long> found = new HashMap<>();
    committed(table, partitions).forEach((tp, entry) -> found.put(tp, entry.nextOffset()));
    return found;
  }

  /** A partition's committed position: the next offset, and the state recorded in the same snapshot. */
  public record Committed(long nextOffset, String state) {}

  /**
   * The next offset of each given partition as committed in the table (refresh it first), with the
   * processing state the same snapshot recorded for it (null when it recorded none); partitions
   * the table has never recorded are absent.
   */
  public Map<TopicPartition, Committed> committed(Table table, Collection<TopicPartition> partitions) {
    Map<TopicPartition, Committed> found = new HashMap<>();
    Set<TopicPartition> wanted = new HashSet<>(partitions);
    if (wanted.isEmpty() || table.currentSnapshot() == null) {
      return found;
    }
    for (Snapshot snapshot : SnapshotUtil.currentAncestors(table)) {
      String value = snapshot.summary().get(summaryKey);
      if (value == null) {
        continue;
      }
      Map<TopicPartition, String> states = decodeStates(snapshot.summary().get(stateKey), snapshot.snapshotId());
      decode(value, snapshot.snapshotId()).forEach((tp, offset) -> {
        if (wanted.remove(tp)) {
          found.put(tp, new Committed(offset, states.get(tp)));
        }
      });
      if (wanted.isEmpty()) {
        break;
      }
    }
    return found;
  }

  /** The summary value recording each partition's state (an opaque JSON text per partition). */
  public String encodeStates(Map<TopicPartition, String> states) {
    Map<String, Map<String, com.fasterxml.jackson.databind.JsonNode>> byTopic = new TreeMap<>();
    try {
      for (Map.Entry<TopicPartition, String> e : states.entrySet()) {
        byTopic.computeIfAbsent(e.getKey().topic(), t -> new TreeMap<>())
            .put(Integer.toString(e.getKey().partition()), JSON.readTree(e.getValue()));
      }
      return JSON.writeValueAsString(byTopic);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode processing state", e);
    }
  }

  /** Reads a summary value {@link #encodeStates} wrote (null: none); a damaged value fails rather than guessing. */
  public Map<TopicPartition, String> decodeStates(String value, long snapshotId) {
    Map<TopicPartition, String> result = new HashMap<>();
    if (value == null) {
      return result;
    }
    try {
      JSON.readTree(value).fields().forEachRemaining(topic -> topic.getValue().fields().forEachRemaining(p ->
          result.put(new TopicPartition(topic.getKey(), Integer.parseInt(p.getKey())), p.getValue().toString())));
      return result;
    } catch (JsonProcessingException | NumberFormatException e) {
      throw new ConnectException("snapshot " + snapshotId + " has an unreadable '" + stateKey
          + "' summary entry; the task cannot restore its dedup and aggregation state safely", e);
    }
  }
}
