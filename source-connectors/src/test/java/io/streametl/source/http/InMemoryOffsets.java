package io.streametl.source.http;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.apache.kafka.connect.storage.OffsetUtils;

/**
 * The worker's offset store, as a map: commit() keeps the last offset of each partition among the
 * records given, as Connect does for a committed batch, after the same format check the worker
 * makes when it flushes (primitive values only), so a task test fails where the worker would.
 */
final class InMemoryOffsets implements OffsetStorageReader {

  private final Map<Map<String, ?>, Map<String, Object>> offsets = new HashMap<>();

  synchronized void commit(List<SourceRecord> records) {
    for (SourceRecord record : records) {
      OffsetUtils.validateFormat(record.sourcePartition());
      OffsetUtils.validateFormat(record.sourceOffset());
      offsets.put(Map.copyOf(record.sourcePartition()), new HashMap<>(record.sourceOffset()));
    }
  }

  synchronized InMemoryOffsets store(Map<String, ?> partition, Map<String, ?> offset) {
    OffsetUtils.validateFormat(partition);
    OffsetUtils.validateFormat(offset);
    offsets.put(Map.copyOf(partition), new HashMap<>(offset));
    return this;
  }

  synchronized Map<String, Object> get(Map<String, ?> partition) {
    return offsets.get(partition);
  }

  @Override
  public synchronized <T> Map<String, Object> offset(Map<String, T> partition) {
    return offsets.get(partition);
  }

  @Override
  public synchronized <T> Map<Map<String, T>, Map<String, Object>> offsets(
      Collection<Map<String, T>> partitions) {
    Map<Map<String, T>, Map<String, Object>> found = new HashMap<>();
    for (Map<String, T> partition : partitions) {
      found.put(partition, offsets.get(partition));
    }
    return found;
  }
}
