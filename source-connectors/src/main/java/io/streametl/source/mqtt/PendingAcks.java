package io.streametl.source.mqtt;

import io.streametl.source.mqtt.client.ReceivedMessage;
import java.util.IdentityHashMap;
import java.util.Map;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * The MQTT message behind each record handed to Connect and not yet committed. Keyed by identity:
 * two records can be equal (same payload and topic) and still stand for two messages, each of
 * which must be acknowledged once.
 */
final class PendingAcks {

  private final Map<SourceRecord, ReceivedMessage> byRecord = new IdentityHashMap<>();

  synchronized void put(SourceRecord record, ReceivedMessage message) {
    byRecord.put(record, message);
  }

  /** The message of a record Kafka now has, or null if it was not pending. */
  synchronized ReceivedMessage remove(SourceRecord record) {
    return byRecord.remove(record);
  }

  synchronized int size() {
    return byRecord.size();
  }

  /** Forgets every pending message, unacknowledged: the broker delivers them again. */
  synchronized void clear() {
    byRecord.clear();
  }
}
