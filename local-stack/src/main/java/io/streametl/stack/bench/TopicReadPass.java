package io.streametl.stack.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a whole topic as fast as one {@link KafkaConsumer} can (byte[] deserializers,
 * read_committed, client defaults otherwise, as a Connect sink's consumer), handing each value to
 * a visitor. The clock starts after the partitions' end offsets are known, so it measures
 * fetching, not connecting.
 */
final class TopicReadPass {

  private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
  private static final Duration NO_PROGRESS_LIMIT = Duration.ofSeconds(60);

  /** What a pass does with each value beside counting it. */
  @FunctionalInterface
  interface ValueVisitor {
    void visit(byte[] value) throws IOException;
  }

  static final ValueVisitor COUNT_ONLY = value -> { };

  private TopicReadPass() {}

  static PassResult read(String bootstrapServers, String topic, ValueVisitor visitor) {
    try (KafkaConsumer<byte[], byte[]> consumer = newConsumer(bootstrapServers, "bench-read")) {
      List<TopicPartition> partitions = partitions(consumer, topic);
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
      partitions.forEach(tp -> consumer.position(tp, Duration.ofSeconds(30)));

      long records = 0;
      long keyBytes = 0;
      long valueBytes = 0;
      long start = System.nanoTime();
      long lastProgress = start;
      while (behind(consumer, end)) {
        int polled = 0;
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL_TIMEOUT)) {
          polled++;
          keyBytes += record.serializedKeySize() < 0 ? 0 : record.serializedKeySize();
          valueBytes += record.serializedValueSize() < 0 ? 0 : record.serializedValueSize();
          visitor.visit(record.value());
        }
        records += polled;
        long now = System.nanoTime();
        if (polled > 0) {
          lastProgress = now;
        } else if (now - lastProgress > NO_PROGRESS_LIMIT.toNanos()) {
          throw new BenchmarkException("Reading " + topic + " made no progress for "
              + NO_PROGRESS_LIMIT.toSeconds() + " s at " + records + " records");
        }
      }
      return new PassResult(records, keyBytes, valueBytes,
          Duration.ofNanos(System.nanoTime() - start));
    } catch (IOException e) {
      throw new UncheckedIOException("A value of " + topic + " could not be processed", e);
    }
  }

  static KafkaConsumer<byte[], byte[]> newConsumer(String bootstrapServers, String clientId) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
    return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
    List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
        .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
    if (partitions.isEmpty()) {
      throw new BenchmarkException("Topic " + topic + " does not exist");
    }
    return partitions;
  }

  /** With read_committed, positions reach the end offsets once the markers are skipped too. */
  private static boolean behind(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
    return end.entrySet().stream()
        .anyMatch(e -> consumer.position(e.getKey(), Duration.ofSeconds(30)) < e.getValue());
  }
}
