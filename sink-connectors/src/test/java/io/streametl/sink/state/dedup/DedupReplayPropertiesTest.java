package io.streametl.sink.state.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.streametl.sink.state.KeyHash;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The foundation of exactly-once across several tables: restoring a partition's dedup state as
 * of a committed offset and replaying from there repeats the uninterrupted run's decisions,
 * whatever the commit cycles, failed commits (rolled back and replayed), compactions into a base
 * file, and crash points (state rebuilt from the committed files only).
 */
class DedupReplayPropertiesTest {

  private static final Duration TTL = Duration.ofSeconds(40);
  private static final long T0 = 1_763_700_000_000L;
  private static final String TOPIC = "t";

  private record Event(KeyHash key, long timeMillis) {}

  @Property(tries = 300)
  void restoreThenReplayDecidesExactlyLikeAnUninterruptedRun(@ForAll long seed) throws IOException {
    Random random = new Random(seed);
    List<Event> events = events(random, 50 + random.nextInt(400));
    boolean[] expected = uninterrupted(events);

    boolean[] actual = withCommitsFailuresAndCrashes(events, random);

    assertThat(actual).containsExactly(expected);
  }

  private static List<Event> events(Random random, int count) {
    List<Event> events = new ArrayList<>();
    long time = T0;
    int keys = 5 + random.nextInt(60);
    for (int i = 0; i < count; i++) {
      // Mostly forward, sometimes backward (out of order), sometimes a jump past the TTL.
      int step = random.nextInt(10) == 0 ? 60_000 : random.nextInt(12_000) - 4_000;
      time += step;
      int key = random.nextInt(keys);
      events.add(new Event(new KeyHash(key, key * 31L), time));
    }
    return events;
  }

  private static boolean[] uninterrupted(List<Event> events) {
    PartitionDedupState state = PartitionDedupState.empty(TTL);
    boolean[] decisions = new boolean[events.size()];
    for (int i = 0; i < events.size(); i++) {
      decisions[i] = state.firstSeen(events.get(i).key(), events.get(i).timeMillis());
    }
    return decisions;
  }

  private static boolean[] withCommitsFailuresAndCrashes(List<Event> events, Random random) throws IOException {
    boolean[] decisions = new boolean[events.size()];
    List<InMemoryStateFile> committedFiles = new ArrayList<>();
    PartitionDedupState state = PartitionDedupState.empty(TTL);
    int committed = 0; // next offset recorded with the committed files
    int next = 0;
    int cycleEnd = 1 + random.nextInt(40);
    int fileNumber = 0;
    while (committed < events.size()) {
      if (next < events.size() && next < cycleEnd) {
        decisions[next] = state.firstSeen(events.get(next).key(), events.get(next).timeMillis());
        next++;
        continue;
      }
      int outcome = random.nextInt(10);
      if (outcome == 0) { // the commit fails: roll back and read the cycle again
        state.rollback();
        next = committed;
      } else if (outcome == 1) { // the task dies: a new one restores from what was committed
        state = DedupStateRestorer.restore(TOPIC, 0, TTL, committedFiles).state();
        next = committed;
      } else {
        StateFileOrigin origin = new StateFileOrigin(TOPIC, 0, committed, next);
        if (outcome == 2) { // compaction: a base replaces the chain
          InMemoryStateFile base = InMemoryStateFile.base("b" + fileNumber++, state, origin);
          committedFiles.clear();
          committedFiles.add(base);
        } else if (state.hasUncommittedChanges()) {
          committedFiles.add(InMemoryStateFile.delta("d" + fileNumber++, state, origin));
        }
        state.markCommitted();
        committed = next;
      }
      cycleEnd = next + 1 + random.nextInt(40);
    }
    return decisions;
  }
}
