package io.streametl.sink.state.dedup;

import java.util.Objects;

/**
 * Which partition a state file belongs to and which records it covers: the Kafka offsets from
 * {@code fromOffset} (the first offset of the commit cycle, or of the partition for a base) up
 * to, but not including, {@code toOffset} (the next offset the same commit records).
 */
public record StateFileOrigin(String topic, int partition, long fromOffset, long toOffset) {

  public StateFileOrigin {
    Objects.requireNonNull(topic, "topic");
    if (partition < 0 || fromOffset < 0 || toOffset < fromOffset) {
      throw new IllegalArgumentException("a state file origin needs partition >= 0 and 0 <= fromOffset <= toOffset");
    }
  }
}
