package io.streametl.smt.lookup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a compacted reference topic from the beginning into a map: the record key is the lookup
 * key, the value a JSON object whose properties are the columns, and a null value (a tombstone)
 * deletes the key. Used from one thread only, as a consumer must be.
 */
final class ReferenceTopicLoader {

  private static final Logger LOG = LoggerFactory.getLogger(ReferenceTopicLoader.class);
  private static final JsonMapper JSON = JsonMapper.shared();

  private final Consumer<String, String> consumer;
  private final String topic;
  private final Map<String, Map<String, String>> rows;
  private Map<TopicPartition, Long> initialEnds;
  private long malformed;

  /** @param rows where the rows go; read concurrently by the task thread */
  ReferenceTopicLoader(
      Consumer<String, String> consumer, String topic, Map<String, Map<String, String>> rows) {
    this.consumer = consumer;
    this.topic = topic;
    this.rows = rows;
  }

  /**
   * Assigns every partition of the topic from the beginning and notes where they end now.
   *
   * @return false if the topic has no partitions (yet)
   */
  boolean assign(Duration timeout) {
    List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
    if (infos == null || infos.isEmpty()) {
      return false;
    }
    List<TopicPartition> partitions = new ArrayList<>();
    for (PartitionInfo info : infos) {
      partitions.add(new TopicPartition(topic, info.partition()));
    }
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    initialEnds = consumer.endOffsets(partitions, timeout);
    return true;
  }

  boolean isAssigned() {
    return initialEnds != null;
  }

  /** Applies what one poll returns. */
  void pollOnce(Duration timeout) {
    for (ConsumerRecord<String, String> record : consumer.poll(timeout)) {
      apply(record);
    }
  }

  private void apply(ConsumerRecord<String, String> record) {
    if (record.key() == null) {
      skip(record, "it has no key");
    } else if (record.value() == null) {
      rows.remove(record.key());
    } else {
      try {
        rows.put(record.key(), ReferenceFileFormat.jsonRow(JSON.readTree(record.value())));
      } catch (JacksonException | IllegalArgumentException e) {
        skip(record, "its value is not a JSON object");
      }
    }
  }

  private void skip(ConsumerRecord<String, String> record, String why) {
    malformed++;
    LOG.warn("Lookup: skipped the reference record at {}-{}@{} because {} ({} skipped so far)",
        record.topic(), record.partition(), record.offset(), why, malformed);
  }

  /** Whether every partition has been read up to where it ended when assigned. */
  boolean caughtUp() {
    if (initialEnds == null) {
      return false;
    }
    for (Map.Entry<TopicPartition, Long> end : initialEnds.entrySet()) {
      if (consumer.position(end.getKey()) < end.getValue()) {
        return false;
      }
    }
    return true;
  }
}
