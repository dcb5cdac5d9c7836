package io.streametl.source.mqtt;

import java.util.Map;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Gives each record of a task a source partition (the task's client id) and a source offset (a
 * delivery number that only grows while the task runs), so that no two records are equal.
 *
 * <p>Why: Connect's exactly-once source task (Kafka 4.3's {@code ExactlyOnceWorkerSourceTask})
 * collects a transaction's records in a map keyed by record equality, and calls
 * {@code commitRecord} once per key. Two identical MQTT messages in one transaction (a device
 * publishing the same reading twice, or a broker delivering again what it sent before a restart)
 * would make equal records, and one of the two messages would never be acknowledged: it would hold
 * its place in the in-flight window, and HiveMQ CE stops sending a shared subscription's queue
 * until it is acknowledged. The MQTT source resumes from the broker's session, not from these
 * offsets: Connect stores the last one per task, and nothing reads it.
 */
final class DeliveryStamp {

  static final String PARTITION_KEY = "mqtt.client.id";
  static final String OFFSET_KEY = "delivery";

  private final Map<String, String> partition;
  private long delivery;

  DeliveryStamp(String clientId) {
    this.partition = Map.of(PARTITION_KEY, clientId);
  }

  /** The record with this task's source partition and the next delivery number. */
  SourceRecord stamp(SourceRecord record) {
    return new SourceRecord(partition, Map.of(OFFSET_KEY, ++delivery), record.topic(),
        record.kafkaPartition(), record.keySchema(), record.key(), record.valueSchema(),
        record.value(), record.timestamp(), record.headers());
  }
}
