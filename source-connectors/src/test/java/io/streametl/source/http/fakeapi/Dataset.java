package io.streametl.source.http.fakeapi;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The records a fake API serves: items with an id and an updated_at that only grows. Adding or
 * updating an item stamps it with the next tick of a deterministic clock (one second apart, or
 * the same second for a burst), so tests know every timestamp. Thread-safe.
 */
public final class Dataset {

  public static final Instant START = Instant.parse("2026-11-21T10:00:00Z");

  /** One item version. */
  public record Item(long id, Instant updatedAt, int version) {

    public ObjectNode toJson() {
      ObjectNode node = JsonNodeFactory.instance.objectNode();
      node.put("id", id);
      node.put("name", "item-" + id);
      node.put("updated_at", updatedAt.toString());
      if (id % 7 == 0) {
        node.put("amount", id * 10);
      } else {
        node.put("amount", id * 1.25);
      }
      node.put("version", version);
      node.putArray("tags").add("t" + id % 3).add("all");
      node.putObject("details").put("color", id % 2 == 0 ? "red" : "blue").put("size", id % 5);
      if (id % 3 == 0) {
        node.put("note", "every third item has a note");
      }
      return node;
    }
  }

  private final Map<Long, Item> items = new LinkedHashMap<>();
  private long nextId = 1;
  private long tick;

  /** Adds {@code count} items, each one second after the previous change. */
  public synchronized Dataset add(int count) {
    for (int i = 0; i < count; i++) {
      long id = nextId++;
      items.put(id, new Item(id, START.plusSeconds(tick++), 1));
    }
    return this;
  }

  /** Adds {@code count} items that all share one updated_at: a burst at the watermark. */
  public synchronized Dataset addBurst(int count) {
    Instant at = START.plusSeconds(tick++);
    for (int i = 0; i < count; i++) {
      long id = nextId++;
      items.put(id, new Item(id, at, 1));
    }
    return this;
  }

  /** Gives an item a new version with a later updated_at. */
  public synchronized Dataset update(long id) {
    Item old = items.get(id);
    items.put(id, new Item(id, START.plusSeconds(tick++), old.version() + 1));
    return this;
  }

  /**
   * Adds an item whose updated_at lies {@code secondsBack} before the latest change: a record that
   * becomes visible late (its transaction committed after later ones).
   */
  public synchronized Item addLate(long secondsBack) {
    long id = nextId++;
    Item item = new Item(id, START.plusSeconds(Math.max(0, tick - 1 - secondsBack)), 1);
    items.put(id, item);
    return item;
  }

  /** Current versions, sorted by (updated_at, id): the order incremental APIs serve. */
  public synchronized List<Item> items() {
    List<Item> sorted = new ArrayList<>(items.values());
    sorted.sort(Comparator.comparing(Item::updatedAt).thenComparingLong(Item::id));
    return sorted;
  }

  public synchronized int size() {
    return items.size();
  }
}
