package io.streametl.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
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
 * Reads a topic the way an exactly-once consumer sees it (read_committed), up to its last stable
 * offset, and unwraps the JsonConverter envelope ({"schema": ..., "payload": ...}) of keys and
 * values.
 */
final class CommittedRecords {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

  /** One record's key and value payloads as JSON. */
  record Payloads(JsonNode key, JsonNode value) {}

  private CommittedRecords() {}

  static List<Payloads> readAll(String bootstrapServers, String topic) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props,
        new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      Set<TopicPartition> partitions = consumer.partitionsFor(topic, READ_TIMEOUT).stream()
          .map(info -> new TopicPartition(topic, info.partition()))
          .collect(Collectors.toSet());
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      // With read_committed, the end offsets are the last stable offsets: reading up to them
      // sees every committed transaction and waits for none that is still open.
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, READ_TIMEOUT);
      List<Payloads> records = new ArrayList<>();
      long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("Could not read " + topic + " up to " + end + " within "
              + READ_TIMEOUT.toSeconds() + " s");
        }
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          records.add(new Payloads(keyPayload(record.key()), payload(record.value())));
        }
      }
      return records;
    }
  }

  /** Keys written by StringConverter (device ids) are plain text, not JSON. */
  private static JsonNode keyPayload(byte[] key) {
    try {
      return payload(key);
    } catch (UncheckedIOException notJson) {
      return JSON.getNodeFactory().textNode(new String(key, StandardCharsets.UTF_8));
    }
  }

  private static JsonNode payload(byte[] json) {
    if (json == null) {
      return JSON.nullNode();
    }
    try {
      JsonNode node = JSON.readTree(new String(json, StandardCharsets.UTF_8));
      return node.has("payload") ? node.get("payload") : node;
    } catch (IOException e) {
      throw new UncheckedIOException("Record is not JSON", e);
    }
  }
}
