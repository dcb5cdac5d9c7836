package io.streametl.smt;

import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Where a record came from. For sink records this is the Kafka topic, partition and offset it was
 * consumed from, even after a routing transform renamed its topic; source records have no
 * partition or offset yet.
 */
public final class RecordOrigin {

  private final String topic;
  private final Integer partition;
  private final Long offset;

  private RecordOrigin(String topic, Integer partition, Long offset) {
    this.topic = topic;
    this.partition = partition;
    this.offset = offset;
  }

  public static RecordOrigin of(ConnectRecord<?> record) {
    if (record instanceof SinkRecord) {
      SinkRecord sinkRecord = (SinkRecord) record;
      // The public original* accessors survive earlier transforms in the chain (KIP-793).
      return new RecordOrigin(
          sinkRecord.originalTopic(),
          sinkRecord.originalKafkaPartition(),
          sinkRecord.originalKafkaOffset());
    }
    // Not yet written: the producer picks partition and offset after the chain.
    return new RecordOrigin(record.topic(), null, null);
  }

  public String topic() {
    return topic;
  }

  /** The Kafka partition, or {@code null} for a source record. */
  public Integer partition() {
    return partition;
  }

  /** The Kafka offset, or {@code null} for a source record. */
  public Long offset() {
    return offset;
  }

  /** "topic/partition@offset", for log lines; parts that are unknown are left out. */
  public String describe() {
    StringBuilder text = new StringBuilder(String.valueOf(topic));
    if (partition != null) {
      text.append('/').append(partition);
    }
    if (offset != null) {
      text.append('@').append(offset);
    }
    return text.toString();
  }
}
