package io.streametl.sink.iceberg.maintenance;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.common.TopicPartition;

/**
 * Recorded offsets an operator has declared gone for good ({@code maintenance.offsets.forget}):
 * they no longer hold snapshot expiry back. Entries: {@code topic} or {@code topic:partition} for
 * this connector's offsets, {@code connector=name} for every offset another connector name (for
 * example this connector's old name) recorded in the same tables.
 */
public final class ForgottenOffsets {

  public static final String SYNTAX = "entries 'topic', 'topic:partition' or 'connector=name'";
  private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]+");
  private static final String CONNECTOR = "connector=";

  private final Set<String> topics = new HashSet<>();
  private final Set<TopicPartition> partitions = new HashSet<>();
  private final Set<String> connectors = new HashSet<>();

  private ForgottenOffsets() {}

  public static ForgottenOffsets none() {
    return new ForgottenOffsets();
  }

  /**
   * Parses the entries of {@code maintenance.offsets.forget}.
   *
   * @throws IllegalArgumentException naming the entry and what to write instead
   */
  public static ForgottenOffsets parse(List<String> entries) {
    ForgottenOffsets forgotten = new ForgottenOffsets();
    for (String raw : entries) {
      String entry = raw.trim();
      if (entry.startsWith(CONNECTOR) && entry.length() > CONNECTOR.length()) {
        forgotten.connectors.add(entry.substring(CONNECTOR.length()));
        continue;
      }
      int colon = entry.lastIndexOf(':');
      String topic = colon < 0 ? entry : entry.substring(0, colon);
      if (!TOPIC.matcher(topic).matches()) {
        throw new IllegalArgumentException("'" + raw + "' is not a topic, topic:partition or connector=name entry");
      }
      if (colon < 0) {
        forgotten.topics.add(topic);
        continue;
      }
      try {
        int partition = Integer.parseInt(entry.substring(colon + 1));
        if (partition < 0) {
          throw new NumberFormatException();
        }
        forgotten.partitions.add(new TopicPartition(topic, partition));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("'" + raw + "': the partition after ':' must be a number, e.g. events:3");
      }
    }
    return forgotten;
  }

  /** True if the offsets {@code connector} recorded for {@code tp} no longer hold expiry back. */
  boolean forgets(String connector, TopicPartition tp, String ownConnector) {
    if (connectors.contains(connector)) {
      return true;
    }
    return connector.equals(ownConnector) && (topics.contains(tp.topic()) || partitions.contains(tp));
  }
}
