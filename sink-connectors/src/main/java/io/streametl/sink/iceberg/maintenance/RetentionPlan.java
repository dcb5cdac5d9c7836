package io.streametl.sink.iceberg.maintenance;

import io.streametl.sink.iceberg.maintenance.OffsetMentions.Mention;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;

/**
 * Which snapshots one expiry may remove. It keeps an unbroken run of the current snapshot's
 * ancestors, newest first, reaching back to the oldest of: the snapshots younger than the maximum
 * age, the last {@code retain-last} snapshots, and the newest mention of every partition whose
 * offsets must stay. The sink finds offsets by walking ancestors until the first gap, so keeping
 * such a snapshot is not enough on its own: every snapshot between it and the current one stays.
 * Expiry then removes the snapshots older than the oldest kept one, at most a bounded number per run.
 */
final class RetentionPlan {

  private static final long NOTHING = Long.MIN_VALUE;

  private final long expireOlderThan;
  private final int snapshotsToExpire;
  private final long ageLimitMillis;
  private final List<Mention> holdingBack;

  private RetentionPlan(long expireOlderThan, int snapshotsToExpire, long ageLimitMillis, List<Mention> holdingBack) {
    this.expireOlderThan = expireOlderThan;
    this.snapshotsToExpire = snapshotsToExpire;
    this.ageLimitMillis = ageLimitMillis;
    this.holdingBack = List.copyOf(holdingBack);
  }

  /**
   * @param mustKeep true for a mention whose snapshot must stay (the sink may resume from it)
   * @param maxSnapshots the most snapshots one run expires (a long backlog is worked off over runs)
   */
  static RetentionPlan plan(Table table, OffsetMentions mentions, Predicate<Mention> mustKeep, long nowMillis,
      Duration maxAge, int retainLast, int maxSnapshots) {
    List<Snapshot> ancestors = mentions.ancestors();
    long ageLimit = nowMillis - maxAge.toMillis();
    if (ancestors.isEmpty()) {
      return new RetentionPlan(NOTHING, 0, ageLimit, List.of());
    }
    int keepByAge = Math.min(retainLast, ancestors.size()) - 1;
    for (int i = 0; i < ancestors.size(); i++) {
      if (ancestors.get(i).timestampMillis() >= ageLimit) {
        keepByAge = Math.max(keepByAge, i);
      }
    }
    int keep = keepByAge;
    List<Mention> holdingBack = new ArrayList<>();
    for (Mention mention : mentions.newest()) {
      if (mustKeep.test(mention)) {
        keep = Math.max(keep, mention.depth());
        if (mention.depth() > keepByAge) {
          holdingBack.add(mention);
        }
      }
    }
    holdingBack.sort(Comparator.comparingLong(Mention::timestampMillis));
    // Never younger than the maximum age either: a snapshot committed while expiry runs, by a
    // worker whose clock is somewhat behind, must not fall below the cutoff.
    long cutoff = ageLimit;
    for (int i = 0; i <= keep; i++) {
      cutoff = Math.min(cutoff, ancestors.get(i).timestampMillis());
    }
    List<Long> older = new ArrayList<>();
    for (Snapshot snapshot : table.snapshots()) {
      if (snapshot.timestampMillis() < cutoff) {
        older.add(snapshot.timestampMillis());
      }
    }
    if (older.isEmpty()) {
      return new RetentionPlan(NOTHING, 0, ageLimit, holdingBack);
    }
    older.sort(Comparator.naturalOrder());
    if (older.size() > maxSnapshots) {
      cutoff = older.get(maxSnapshots); // expire only the oldest ones this run
    }
    long bound = cutoff;
    int count = (int) older.stream().filter(ts -> ts < bound).count();
    return new RetentionPlan(count == 0 ? NOTHING : cutoff, count, ageLimit, holdingBack);
  }

  boolean hasWork() {
    return expireOlderThan != NOTHING;
  }

  /** Snapshots strictly older than this (by commit time) are expired. */
  long expireOlderThan() {
    return expireOlderThan;
  }

  int snapshotsToExpire() {
    return snapshotsToExpire;
  }

  /**
   * The mentions that keep snapshots which age and {@code retain-last} alone would expire, oldest
   * first: partitions whose owner has not recorded them again within the maximum age (stopped,
   * failing, or gone for good).
   */
  List<Mention> holdingBack() {
    return holdingBack;
  }

  long ageLimitMillis() {
    return ageLimitMillis;
  }
}
