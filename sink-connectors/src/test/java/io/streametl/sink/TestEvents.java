package io.streametl.sink;

import java.math.BigDecimal;
import java.util.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.sink.SinkRecord;

/** Subscription-event records as the generator emits them, for sink tests. */
final class TestEvents {

  static final String TOPIC = "events";
  static final Schema DEVICE = SchemaBuilder.struct().name("device")
      .field("os", Schema.STRING_SCHEMA).field("app_version", Schema.STRING_SCHEMA).build();
  static final Schema EVENT = SchemaBuilder.struct().name("io.streametl.events.SubscriptionEvent")
      .field("event_id", Schema.STRING_SCHEMA)
      .field("region", Schema.STRING_SCHEMA)
      .field("amount", Decimal.schema(2))
      .field("event_time", Timestamp.SCHEMA)
      .field("device", DEVICE)
      .build();

  private TestEvents() {}

  static Struct event(String id) {
    return new Struct(EVENT)
        .put("event_id", id)
        .put("region", "eu-west")
        .put("amount", new BigDecimal("12.30"))
        .put("event_time", new Date(1_763_700_000_000L))
        .put("device", new Struct(DEVICE).put("os", "ios").put("app_version", "5.1.0"));
  }

  static SinkRecord record(int partition, long offset) {
    return new SinkRecord(TOPIC, partition, Schema.STRING_SCHEMA, "e-" + partition + "-" + offset,
        EVENT, event("e-" + partition + "-" + offset), offset);
  }

  static SinkRecord unparseable(int partition, long offset) {
    return new SinkRecord(TOPIC, partition, Schema.STRING_SCHEMA, "bad-" + offset,
        Schema.STRING_SCHEMA, "{\"event_id\": \"tru", offset);
  }
}
