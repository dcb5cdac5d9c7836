package io.streametl.sink.state.dedup;

import java.util.List;
import java.util.Optional;

/**
 * Says when a dedup configuration cannot be exact. Dedup state is per Kafka partition, so a
 * duplicate is only caught when it lands in the same partition as the first occurrence. That
 * holds when records are keyed by the identity dedup uses; it cannot be checked from the sink
 * when dedup uses value fields, or when duplicates may arrive on different topics.
 */
public final class DedupScope {

  private DedupScope() {}

  /**
   * A warning for the connector's {@code validate()} (attach it to the dedup key config), or
   * empty when the configuration keeps duplicates in one partition by construction.
   *
   * @param topics the {@code topics} list (may be empty when a regex is used)
   * @param topicsRegex the {@code topics.regex} setting, or null/empty
   */
  public static Optional<String> warning(DedupKey key, List<String> topics, String topicsRegex) {
    StringBuilder warning = new StringBuilder();
    if (!key.usesRecordKey()) {
      warning.append("Dedup uses the value fields ").append(key.fieldPaths())
          .append(" rather than the record key. Dedup is exact only within a Kafka partition, so a duplicate ")
          .append("is dropped only if it lands in the same partition as the first occurrence: make sure the ")
          .append("producers (or source connectors) key every record by these same fields. A transform in this ")
          .append("sink (e.g. ValueToKey) cannot help, because partitions are chosen when the record is produced.");
    }
    boolean severalTopics = topics.size() > 1 || (topicsRegex != null && !topicsRegex.isBlank());
    if (severalTopics) {
      if (warning.length() > 0) {
        warning.append(' ');
      }
      warning.append("The connector reads more than one topic; dedup state is kept per topic partition, so a ")
          .append("record and its duplicate on different topics are both kept.");
    }
    return warning.length() == 0 ? Optional.empty() : Optional.of(warning.toString());
  }
}
