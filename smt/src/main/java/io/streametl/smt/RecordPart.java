package io.streametl.smt;

import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Schema;

/**
 * The part of a record a transform variant works on: what Kafka's transforms spread over the
 * {@code operatingSchema}, {@code operatingValue} and {@code newRecord} overrides of each nested
 * {@code Key} and {@code Value} class, written once.
 */
public enum RecordPart {
  KEY {
    @Override
    public Schema schema(ConnectRecord<?> record) {
      return record.keySchema();
    }

    @Override
    public Object data(ConnectRecord<?> record) {
      return record.key();
    }

    @Override
    public <R extends ConnectRecord<R>> R withData(R record, Schema schema, Object data) {
      return record.newRecord(
          record.topic(),
          record.kafkaPartition(),
          schema,
          data,
          record.valueSchema(),
          record.value(),
          record.timestamp());
    }
  },
  VALUE {
    @Override
    public Schema schema(ConnectRecord<?> record) {
      return record.valueSchema();
    }

    @Override
    public Object data(ConnectRecord<?> record) {
      return record.value();
    }

    @Override
    public <R extends ConnectRecord<R>> R withData(R record, Schema schema, Object data) {
      return record.newRecord(
          record.topic(),
          record.kafkaPartition(),
          record.keySchema(),
          record.key(),
          schema,
          data,
          record.timestamp());
    }
  };

  /** The schema of this part, or {@code null} when it is schemaless. */
  public abstract Schema schema(ConnectRecord<?> record);

  /** This part's data: a Struct, a Map, another Connect value, or {@code null}. */
  public abstract Object data(ConnectRecord<?> record);

  /**
   * A copy of {@code record} with this part replaced; topic, partition, timestamp, headers and
   * the other part are kept (for sink records, so are the original topic, partition and offset).
   */
  public abstract <R extends ConnectRecord<R>> R withData(R record, Schema schema, Object data);

  /** "key" or "value", as messages call it. */
  public String word() {
    return this == KEY ? "key" : "value";
  }
}
