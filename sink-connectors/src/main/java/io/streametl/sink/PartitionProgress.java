package io.streametl.sink;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * Where each assigned partition stands: the next offset committed in the destination (the truth
 * a restart resumes from) and the next offset taken into the current, uncommitted cycle.
 */
final class PartitionProgress {

  private static final class Position {
    Long committed;     // next offset recorded in the destination; null if it never recorded one
    Long cycleStart;    // first offset taken in the current cycle, for rewinding a failed one
    Long next;          // next offset after everything taken (written, reported or skipped)
  }

  private final Map<TopicPartition, Position> positions = new HashMap<>();

  void assign(TopicPartition tp, Long committedNext) {
    Position p = new Position();
    p.committed = committedNext;
    p.next = committedNext;
    positions.put(tp, p);
  }

  void revoke(Collection<TopicPartition> partitions) {
    partitions.forEach(positions::remove);
  }

  java.util.Set<TopicPartition> assigned() {
    return java.util.Set.copyOf(positions.keySet());
  }

  boolean isAssigned(TopicPartition tp) {
    return positions.containsKey(tp);
  }

  /** True when the destination already holds this offset: a redelivery to skip. */
  boolean alreadyTaken(TopicPartition tp, long offset) {
    Position p = positions.get(tp);
    return p != null && p.next != null && offset < p.next;
  }

  /** Records that the offset was taken into this cycle (written, or reported as errant). */
  void take(TopicPartition tp, long offset) {
    Position p = positions.computeIfAbsent(tp, k -> new Position());
    if (p.cycleStart == null) {
      p.cycleStart = offset;
    }
    p.next = offset + 1;
  }

  /**
   * Moves partitions forward to offsets the runtime has consumed past: records it dropped itself
   * (converter or transform failures sent to its dead-letter queue) never reach put(), but their
   * offsets must still be committed or they would be redelivered and reported again.
   */
  void advanceTo(Map<TopicPartition, Long> consumedNext) {
    consumedNext.forEach((tp, offset) -> {
      Position p = positions.get(tp);
      if (p != null && (p.next == null || offset > p.next)) {
        if (p.cycleStart == null) {
          p.cycleStart = p.next == null ? offset : p.next;
        }
        p.next = offset;
      }
    });
  }

  /** The partitions that moved in this cycle, with the next offsets to record. */
  Map<TopicPartition, Long> pending() {
    Map<TopicPartition, Long> result = new HashMap<>();
    positions.forEach((tp, p) -> {
      if (p.next != null && !p.next.equals(p.committed)) {
        result.put(tp, p.next);
      }
    });
    return result;
  }

  void markCommitted(Map<TopicPartition, Long> committedNext) {
    committedNext.forEach((tp, offset) -> {
      Position p = positions.get(tp);
      if (p != null) {
        p.committed = offset;
        p.cycleStart = null;
      }
    });
  }

  /**
   * Forgets the uncommitted cycle and returns, per partition, the offset to seek to so that the
   * discarded records are delivered again. {@code authoritative} holds the destination's current
   * offsets where they are known to differ from ours (another writer committed).
   */
  Map<TopicPartition, Long> rewind(Map<TopicPartition, Long> authoritative) {
    Map<TopicPartition, Long> seeks = new HashMap<>();
    positions.forEach((tp, p) -> {
      if (authoritative.containsKey(tp)) {
        p.committed = authoritative.get(tp);
      }
      Long target = p.committed != null ? p.committed : p.cycleStart;
      if (target != null && (p.next == null || !target.equals(p.next))) {
        seeks.put(tp, target);
      }
      p.next = p.committed;
      p.cycleStart = null;
    });
    return seeks;
  }

  /** Offsets to hand back to the runtime from preCommit: only what the destination holds. */
  Map<TopicPartition, Long> committed() {
    Map<TopicPartition, Long> result = new HashMap<>();
    positions.forEach((tp, p) -> {
      if (p.committed != null) {
        result.put(tp, p.committed);
      }
    });
    return result;
  }
}
