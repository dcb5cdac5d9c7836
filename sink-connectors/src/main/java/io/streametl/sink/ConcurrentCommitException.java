package io.streametl.sink;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * The destination's offsets moved under us: another task (a zombie from before a rebalance, or
 * the new owner) committed these partitions. The cycle must be discarded and the task must resume
 * from {@link #actualOffsets()}, or rows would be written twice.
 */
public final class ConcurrentCommitException extends ConnectException {

  private final transient Map<TopicPartition, Long> actual;

  public ConcurrentCommitException(Map<TopicPartition, Long> actual) {
    super("another writer committed offsets for " + actual.keySet() + " since this task last did");
    this.actual = Map.copyOf(actual);
  }

  public Map<TopicPartition, Long> actualOffsets() {
    return actual;
  }
}
