package io.streametl.sink.iceberg.maintenance;

import io.streametl.sink.iceberg.OffsetLedger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.util.SnapshotUtil;
import org.apache.kafka.common.TopicPartition;

/**
 * Where a table records Kafka offsets: walking the current snapshot's ancestors (as the sink does
 * when it resumes), the newest snapshot that mentions each partition, for every connector that
 * wrote offsets into the table. These are the snapshots expiry must keep.
 */
final class OffsetMentions {

  /**
   * The newest record of one connector's offset for one partition.
   *
   * @param depth the snapshot's place in the ancestry: 0 is the current snapshot, 1 its parent
   */
  record Mention(String connector, TopicPartition partition, long offset, long snapshotId, long timestampMillis,
      int depth) {

    String describe() {
      return connector + "/" + partition;
    }
  }

  private record Key(String connector, TopicPartition partition) {}

  private final List<Snapshot> ancestors;
  private final Map<Key, Mention> newest;

  private OffsetMentions(List<Snapshot> ancestors, Map<Key, Mention> newest) {
    this.ancestors = ancestors;
    this.newest = newest;
  }

  /**
   * Reads a (refreshed) table's mentions.
   *
   * @throws org.apache.kafka.connect.errors.ConnectException if an offsets entry is damaged: then
   *     nobody can tell which snapshots hold offsets, and nothing may be expired
   */
  static OffsetMentions read(Table table) {
    List<Snapshot> ancestors = new ArrayList<>();
    Map<Key, Mention> newest = new LinkedHashMap<>();
    Map<String, OffsetLedger> ledgers = new HashMap<>();
    if (table.currentSnapshot() == null) {
      return new OffsetMentions(ancestors, newest);
    }
    for (Snapshot snapshot : SnapshotUtil.currentAncestors(table)) {
      int depth = ancestors.size();
      ancestors.add(snapshot);
      snapshot.summary().forEach((key, value) -> {
        if (!key.startsWith(OffsetLedger.SUMMARY_KEY_PREFIX)) {
          return;
        }
        String connector = key.substring(OffsetLedger.SUMMARY_KEY_PREFIX.length());
        OffsetLedger ledger = ledgers.computeIfAbsent(connector, OffsetLedger::new);
        ledger.decode(value, snapshot.snapshotId()).forEach((tp, offset) -> newest.putIfAbsent(new Key(connector, tp),
            new Mention(connector, tp, offset, snapshot.snapshotId(), snapshot.timestampMillis(), depth)));
      });
    }
    return new OffsetMentions(List.copyOf(ancestors), newest);
  }

  /** The current snapshot and its ancestors, newest first. */
  List<Snapshot> ancestors() {
    return ancestors;
  }

  /** One mention per connector and partition: the newest. */
  Collection<Mention> newest() {
    return newest.values();
  }

  Optional<Mention> newest(String connector, TopicPartition tp) {
    return Optional.ofNullable(newest.get(new Key(connector, tp)));
  }
}
