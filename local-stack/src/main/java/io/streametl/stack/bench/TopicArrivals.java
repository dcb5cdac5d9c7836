package io.streametl.stack.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Committed records of a topic and the span of their timestamps (set when the source task
 * produced them), read like an exactly-once consumer reads them.
 */
final class TopicArrivals {

  record Summary(long records, long firstMillis, long lastMillis) {
    Duration span() {
      return records < 2 ? Duration.ZERO : Duration.ofMillis(lastMillis - firstMillis);
    }
  }

  private TopicArrivals() {}

  static Summary read(String bootstrapServers, String topic) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props,
        new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30))
          .stream().map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      Set<TopicPartition> open = partitions.stream()
          .filter(tp -> end.get(tp) > 0).collect(Collectors.toSet());
      long count = 0;
      long first = Long.MAX_VALUE;
      long last = Long.MIN_VALUE;
      while (!open.isEmpty()) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          count++;
          first = Math.min(first, record.timestamp());
          last = Math.max(last, record.timestamp());
        }
        open.removeIf(tp -> consumer.position(tp) >= end.get(tp));
      }
      return new Summary(count, first, last);
    }
  }
}
