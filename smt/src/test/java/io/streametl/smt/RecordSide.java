package io.streametl.smt;

import java.util.function.Supplier;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * The part of a record a transform variant works on, so each test is written once and run for
 * both {@code $Key} and {@code $Value}. The other part holds a marker the tests can check is
 * left alone.
 */
public enum RecordSide {
  KEY,
  VALUE;

  /** Where the sample sink records were consumed from, before a routing transform renamed them. */
  public static final String ORIGINAL_TOPIC = "subscriptions";

  public static final int ORIGINAL_PARTITION = 3;
  public static final long ORIGINAL_OFFSET = 42L;
  public static final String ROUTED_TOPIC = "subscriptions-routed";
  public static final String OTHER_SIDE = "untouched";

  /** A sink record carrying {@code data} on this side, as seen after a topic-routing transform. */
  public SinkRecord sinkRecord(Schema schema, Object data) {
    ConnectHeaders headers = new ConnectHeaders();
    headers.addString("trace", "t-1");
    boolean key = this == KEY;
    return new SinkRecord(
        ROUTED_TOPIC,
        0,
        key ? schema : Schema.STRING_SCHEMA,
        key ? data : OTHER_SIDE,
        key ? Schema.STRING_SCHEMA : schema,
        key ? OTHER_SIDE : data,
        7L,
        1_700_000_000_000L,
        TimestampType.CREATE_TIME,
        headers,
        ORIGINAL_TOPIC,
        ORIGINAL_PARTITION,
        ORIGINAL_OFFSET);
  }

  /** A source record carrying {@code data} on this side, bound for {@code topic}. */
  public SourceRecord sourceRecord(String topic, Schema schema, Object data) {
    boolean key = this == KEY;
    return new SourceRecord(
        null,
        null,
        topic,
        null,
        key ? schema : Schema.STRING_SCHEMA,
        key ? data : OTHER_SIDE,
        key ? Schema.STRING_SCHEMA : schema,
        key ? OTHER_SIDE : data);
  }

  public Object data(ConnectRecord<?> record) {
    return this == KEY ? record.key() : record.value();
  }

  public Schema schema(ConnectRecord<?> record) {
    return this == KEY ? record.keySchema() : record.valueSchema();
  }

  /** The part this side does not work on. */
  public Object otherData(ConnectRecord<?> record) {
    return this == KEY ? record.value() : record.key();
  }

  /** "key" or "value", as error messages call it. */
  public String word() {
    return this == KEY ? "key" : "value";
  }

  public <T> T pick(Supplier<T> forKey, Supplier<T> forValue) {
    return this == KEY ? forKey.get() : forValue.get();
  }
}
