package io.streametl.sink.state.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class KeyHashTableTest {

  @Test
  void findsWhatWasInsertedAndNothingElse() {
    KeyHashTable table = new KeyHashTable(16);
    table.insert(1, 2, 10);

    assertThat(table.find(1, 2)).isNotNegative();
    assertThat(table.timeAt(table.find(1, 2))).isEqualTo(10);
    assertThat(table.find(2, 2)).isEqualTo(-1);
    assertThat(table.find(1, 3)).isEqualTo(-1);
  }

  @Test
  void theZeroHashIsAnOrdinaryKey() {
    KeyHashTable table = new KeyHashTable(16);
    table.insert(0, 0, 0);

    assertThat(table.find(0, 0)).isNotNegative();
  }

  @Test
  void putMaxKeepsTheLaterTime() {
    KeyHashTable table = new KeyHashTable(16);
    table.putMax(1, 1, 5);
    table.putMax(1, 1, 3);
    table.putMax(1, 1, 8);

    assertThat(table.timeAt(table.find(1, 1))).isEqualTo(8);
    assertThat(table.size()).isEqualTo(1);
  }

  @Test
  void capacityKeepsTheLoadAtMostOneHalf() {
    assertThat(KeyHashTable.capacityFor(0)).isEqualTo(16);
    assertThat(KeyHashTable.capacityFor(8)).isEqualTo(16);
    assertThat(KeyHashTable.capacityFor(9)).isEqualTo(32);
    assertThat(KeyHashTable.capacityFor(1_000_000)).isEqualTo(1 << 21);
  }

  /**
   * Random inserts and removals on keys that share a few home slots (so probe runs wrap around
   * the end of the table and removals must shift entries back) agree with a HashMap.
   */
  @Property(tries = 300)
  void agreesWithAMapUnderInsertsAndRemovals(
      @ForAll @Size(max = 200) List<@IntRange(min = 0, max = 40) Integer> keys,
      @ForAll @Size(max = 200) List<Boolean> removes) {
    KeyHashTable table = new KeyHashTable(16);
    Map<Integer, Integer> model = new HashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      int key = keys.get(i);
      long high = key;
      long low = 13 + (key % 4); // homes 13..16 wrap: runs cross the end of the array
      boolean remove = i < removes.size() && removes.get(i);
      int slot = table.find(high, low);
      if (remove && slot >= 0) {
        table.removeAt(slot);
        model.remove(key);
      } else if (!remove && slot < 0 && table.hasRoomForOneMore()) {
        table.insert(high, low, i);
        model.put(key, i);
      }
      assertThat(table.size()).isEqualTo(model.size());
    }
    for (int key = 0; key <= 40; key++) {
      int slot = table.find(key, 13 + (key % 4));
      if (model.containsKey(key)) {
        assertThat(slot).isNotNegative();
        assertThat(table.timeAt(slot)).isEqualTo(model.get(key));
      } else {
        assertThat(slot).isEqualTo(-1);
      }
    }
  }
}
