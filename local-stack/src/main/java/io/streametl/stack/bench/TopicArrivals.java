package io.streametl.stack.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Follows the committed records of a topic as they arrive and keeps their timestamps (set when the
 * source task produced them), reading like an exactly-once consumer reads them.
 *
 * <p>Each record is read once: {@link #refresh()} takes only what arrived since the last call.
 * The benchmark's progress checks share the machine with the source under test, so a check that
 * re-read the topic from its beginning would cost the broker and this JVM more with every record
 * that landed, and slow down the very pipeline it measures.
 */
final class TopicArrivals implements AutoCloseable {

  record Summary(long records, long firstMillis, long lastMillis, ArrivalPause longestPause) {
    Duration span() {
      return records < 2 ? Duration.ZERO : Duration.ofMillis(lastMillis - firstMillis);
    }
  }

  private static final Duration POLL = Duration.ofMillis(100);

  private final String topic;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private boolean assigned;
  private final LongList timestamps = new LongList();

  TopicArrivals(String bootstrapServers, String topic) {
    this.topic = topic;
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
    this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
        new ByteArrayDeserializer());
  }

  /**
   * Reads what arrived since the last call, until a poll comes back empty, and returns the
   * records seen so far. Zero while the topic does not exist yet (the source creates it with its
   * first record).
   */
  long refresh() {
    if (!assigned && !assign()) {
      return 0;
    }
    ConsumerRecords<byte[], byte[]> batch;
    do {
      batch = consumer.poll(POLL);
      for (ConsumerRecord<byte[], byte[]> record : batch) {
        timestamps.add(record.timestamp());
      }
    } while (!batch.isEmpty());
    return timestamps.size();
  }

  /** What {@link #refresh()} has read so far. */
  Summary summary() {
    long[] arrivals = timestamps.toArray();
    long first = Arrays.stream(arrivals).min().orElse(Long.MAX_VALUE);
    long last = Arrays.stream(arrivals).max().orElse(Long.MIN_VALUE);
    return new Summary(arrivals.length, first, last, ArrivalPause.longest(arrivals));
  }

  private boolean assign() {
    List<TopicPartition> partitions = consumer.listTopics(POLL).getOrDefault(topic, List.of())
        .stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    if (partitions.isEmpty()) {
      return false;
    }
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    assigned = true;
    return true;
  }

  @Override
  public void close() {
    consumer.close();
  }
}
