package io.streametl.source.http.sync;

import io.streametl.source.http.config.WatermarkType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The identities (64-bit hashes) of records emitted near the watermark, by watermark value, so a
 * sync that re-reads the boundary can drop them. Bounded: past {@code maxIds} the identities with
 * the lowest watermark go first.
 */
final class DedupWindow {

  private final int maxIds;
  private final TreeMap<Watermark, Set<Long>> ids = new TreeMap<>();
  private int size;
  private boolean overflowed;

  DedupWindow(int maxIds) {
    this.maxIds = maxIds;
  }

  DedupWindow copy() {
    DedupWindow copy = new DedupWindow(maxIds);
    ids.forEach((watermark, set) -> copy.ids.put(watermark, new HashSet<>(set)));
    copy.size = size;
    return copy;
  }

  boolean contains(Watermark watermark, long identity) {
    Set<Long> set = ids.get(watermark);
    return set != null && set.contains(identity);
  }

  void add(Watermark watermark, long identity) {
    if (ids.computeIfAbsent(watermark, w -> new HashSet<>(4)).add(identity)) {
      size++;
    }
    while (size > maxIds) {
      Map.Entry<Watermark, Set<Long>> lowest = ids.firstEntry();
      Long any = lowest.getValue().iterator().next();
      lowest.getValue().remove(any);
      size--;
      overflowed = true;
      if (lowest.getValue().isEmpty()) {
        ids.pollFirstEntry();
      }
    }
  }

  /** Forgets the identities of records below {@code floor}: no sync re-reads them. */
  void pruneBelow(Watermark floor) {
    if (ids.isEmpty() || ids.firstKey().compareTo(floor) >= 0) {
      return; // the common case, once per record: nothing below
    }
    Map<Watermark, Set<Long>> below = ids.headMap(floor, false);
    below.values().forEach(set -> size -= set.size());
    below.clear();
  }

  int size() {
    return size;
  }

  /** Whether identities were ever evicted to stay within the bound (and takes the flag back). */
  boolean takeOverflow() {
    boolean was = overflowed;
    overflowed = false;
    return was;
  }

  /** Watermark text to the identities at it, as the source offset stores them. */
  Map<String, Object> toOffset() {
    Map<String, Object> out = new LinkedHashMap<>();
    ids.forEach((watermark, set) -> out.put(watermark.text(), new ArrayList<>(set)));
    return out;
  }

  static DedupWindow fromOffset(Object stored, WatermarkType type, int maxIds) {
    DedupWindow window = new DedupWindow(maxIds);
    if (stored == null) {
      return window;
    }
    if (!(stored instanceof Map)) {
      throw new IllegalArgumentException("dedup identities must be an object of watermark to"
          + " list of numbers");
    }
    for (Map.Entry<?, ?> entry : ((Map<?, ?>) stored).entrySet()) {
      Watermark watermark = Watermark.parse(type, entry.getKey().toString());
      if (!(entry.getValue() instanceof Collection)) {
        throw new IllegalArgumentException("dedup identities at a watermark must be a list");
      }
      for (Object id : (Collection<?>) entry.getValue()) {
        if (!(id instanceof Number)) {
          throw new IllegalArgumentException("dedup identities must be numbers");
        }
        window.add(watermark, ((Number) id).longValue());
      }
    }
    window.overflowed = false;
    return window;
  }

  List<Watermark> watermarks() {
    return List.copyOf(ids.keySet());
  }
}
