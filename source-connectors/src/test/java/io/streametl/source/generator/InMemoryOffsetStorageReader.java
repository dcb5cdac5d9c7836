package io.streametl.source.generator;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/** Offsets stored in a map, as the worker's offset store would return them. */
final class InMemoryOffsetStorageReader implements OffsetStorageReader {

  private final Map<Map<String, ?>, Map<String, Object>> offsets = new HashMap<>();

  InMemoryOffsetStorageReader store(Map<String, ?> partition, Map<String, ?> offset) {
    offsets.put(Map.copyOf(partition), Map.copyOf(offset));
    return this;
  }

  @Override
  public <T> Map<String, Object> offset(Map<String, T> partition) {
    return offsets.get(partition);
  }

  @Override
  public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
    Map<Map<String, T>, Map<String, Object>> found = new HashMap<>();
    for (Map<String, T> partition : partitions) {
      found.put(partition, offsets.get(partition));
    }
    return found;
  }
}
