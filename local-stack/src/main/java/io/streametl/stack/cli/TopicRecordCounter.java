package io.streametl.stack.cli;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Counts the committed records of some topics by reading them (read_committed, no consumer
 * group). Summing end offsets would over-count: with exactly-once sources every transaction
 * leaves a commit marker that takes an offset but is not a record.
 */
final class TopicRecordCounter implements AutoCloseable {

  private static final Duration POLL_TIMEOUT = Duration.ofMillis(200);
  private static final Duration READ_BUDGET = Duration.ofSeconds(1);

  private final List<String> topics;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Set<TopicPartition> assigned = new HashSet<>();
  private final Map<String, Long> counts = new LinkedHashMap<>();

  TopicRecordCounter(String bootstrapServers, List<String> topics) {
    this.topics = List.copyOf(topics);
    topics.forEach(topic -> counts.put(topic, 0L));
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "streametl-demo-counter");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    // Counting must never create the topic it counts.
    props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
    this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
        new ByteArrayDeserializer());
  }

  /** Reads what arrived since the last call (for a bounded time) and returns the totals. */
  Map<String, Long> refresh() {
    assignNewPartitions();
    if (assigned.isEmpty()) {
      return Map.copyOf(counts);
    }
    // Read up to the last stable offsets as of now (what read_committed can see), within a time
    // budget so a burst never delays the progress line; the rest is read next time.
    Map<TopicPartition, Long> end = consumer.endOffsets(assigned, Duration.ofSeconds(5));
    long deadline = System.nanoTime() + READ_BUDGET.toNanos();
    while (behind(end) && System.nanoTime() < deadline) {
      ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL_TIMEOUT);
      for (ConsumerRecord<byte[], byte[]> record : records) {
        counts.merge(record.topic(), 1L, Long::sum);
      }
    }
    return Map.copyOf(counts);
  }

  private boolean behind(Map<TopicPartition, Long> end) {
    return end.entrySet().stream()
        .anyMatch(e -> consumer.position(e.getKey(), Duration.ofSeconds(5)) < e.getValue());
  }

  /** Topics appear once the connectors start, and may gain partitions: pick them up each time. */
  private void assignNewPartitions() {
    Set<TopicPartition> all = new HashSet<>(assigned);
    for (String topic : topics) {
      consumer.partitionsFor(topic, Duration.ofSeconds(2)).forEach(info ->
          all.add(new TopicPartition(info.topic(), info.partition())));
    }
    if (!all.equals(assigned)) {
      consumer.assign(all);
      assigned.clear();
      assigned.addAll(all);
    }
  }

  @Override
  public void close() {
    consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
  }
}
