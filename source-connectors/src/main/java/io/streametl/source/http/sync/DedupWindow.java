package io.streametl.source.http.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streametl.source.http.config.WatermarkType;
import java.util.HashSet;
import java.util.Iterator;
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

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SHAPE = "dedup identities must be a JSON string of an object of"
      + " watermark to list of numbers";

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

  /**
   * Watermark text to the identities at it, as the source offset stores them: one JSON string,
   * {@code {"<watermark>": [<identity>, ...]}}. Connect accepts only primitive offset values
   * (OffsetUtils.validateFormat rejects maps and lists when it flushes), so the window travels as
   * text.
   */
  String toOffset() {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    ids.forEach((watermark, set) -> {
      ArrayNode array = out.putArray(watermark.text());
      set.forEach(array::add);
    });
    try {
      return JSON.writeValueAsString(out);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Could not write the dedup window as JSON", e);
    }
  }

  /** @throws IllegalArgumentException when {@code stored} is not what {@link #toOffset} writes */
  static DedupWindow fromOffset(Object stored, WatermarkType type, int maxIds) {
    DedupWindow window = new DedupWindow(maxIds);
    if (stored == null) {
      return window;
    }
    if (!(stored instanceof String)) {
      throw new IllegalArgumentException(SHAPE);
    }
    JsonNode root;
    try {
      root = JSON.readTree((String) stored);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(SHAPE + "; it is not JSON");
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(SHAPE);
    }
    Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> entry = fields.next();
      Watermark watermark = Watermark.parse(type, entry.getKey());
      if (!entry.getValue().isArray()) {
        throw new IllegalArgumentException("dedup identities at a watermark must be a list");
      }
      for (JsonNode id : entry.getValue()) {
        if (!id.isIntegralNumber() || !id.canConvertToLong()) {
          throw new IllegalArgumentException("dedup identities must be 64-bit integers");
        }
        window.add(watermark, id.longValue());
      }
    }
    window.overflowed = false;
    return window;
  }

  List<Watermark> watermarks() {
    return List.copyOf(ids.keySet());
  }
}
