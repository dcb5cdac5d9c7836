package io.streametl.stack.bench;

import io.streametl.stack.rest.ConnectRestClient;
import io.streametl.stack.rest.ConnectorConfigFile;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Fills the throughput topic once: runs the generator connector and reads the topic
 * (read_committed) until it holds every record. Counting by reading, because exactly-once
 * transactions leave commit markers that take offsets, so end offsets over-count.
 */
final class TopicFill {

  private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
  private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

  private final ConnectRestClient rest;
  private final String bootstrapServers;
  private final PrintStream out;

  TopicFill(ConnectRestClient rest, String bootstrapServers, PrintStream out) {
    this.rest = rest;
    this.bootstrapServers = bootstrapServers;
    this.out = out;
  }

  /** Runs the generator until {@code expected} records are readable, then deletes it. */
  FillResult fill(ConnectorConfigFile generator, String topic, long expected, Duration timeout) {
    long start = System.nanoTime();
    rest.createOrUpdate(generator.name(), generator.config());
    ConnectorHealth health = new ConnectorHealth(rest, generator.name());
    Set<Long> keys = new HashSet<>();
    long records = 0;
    try (KafkaConsumer<byte[], byte[]> consumer =
        TopicReadPass.newConsumer(bootstrapServers, "bench-fill-counter")) {
      List<TopicPartition> partitions = TopicReadPass.partitions(consumer, topic);
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = start + timeout.toNanos();
      long nextProgress = start + PROGRESS_EVERY.toNanos();
      while (records < expected) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL_TIMEOUT)) {
          records++;
          keys.add(record.key() == null ? 0L : KeyHashes.fnv1a64(record.key()));
        }
        long now = System.nanoTime();
        if (now - nextProgress >= 0) {
          out.printf(Locale.ROOT, "  fill: %,d / %,d records in the topic%n", records, expected);
          nextProgress = now + PROGRESS_EVERY.toNanos();
          health.failIfFailed();
        }
        if (now - deadline >= 0) {
          throw new BenchmarkException("The generator wrote only " + records + " of "
              + expected + " records within " + timeout.toSeconds() + " s");
        }
      }
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    rest.delete(generator.name());
    return new FillResult(records, keys.size(), elapsed);
  }
}
