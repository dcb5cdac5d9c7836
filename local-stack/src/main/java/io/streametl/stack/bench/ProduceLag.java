package io.streametl.stack.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * How far each record's Kafka timestamp (the producer's send time: the generator sets none) is
 * behind its event_time. Freshness is measured from event_time, so this is the part of it spent
 * before the record was even sent (the generator falling behind its schedule).
 */
final class ProduceLag {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);

  private ProduceLag() {}

  static LatencySummary of(String bootstrapServers, String topic) {
    LongList lags = new LongList();
    try (KafkaConsumer<byte[], byte[]> consumer =
        TopicReadPass.newConsumer(bootstrapServers, "bench-produce-lag")) {
      List<TopicPartition> partitions = TopicReadPass.partitions(consumer, topic);
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL_TIMEOUT)) {
          OptionalLong eventTime = eventTime(record.value());
          if (eventTime.isPresent()) {
            lags.add(record.timestamp() - eventTime.getAsLong());
          }
        }
      }
    }
    return Percentiles.summarize(lags.toArray());
  }

  private static OptionalLong eventTime(byte[] value) {
    if (value == null) {
      return OptionalLong.empty();
    }
    try {
      return EventTimeField.millis(JSON.readTree(value));
    } catch (IOException e) {
      return OptionalLong.empty();
    }
  }
}
