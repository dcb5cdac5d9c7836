package io.streametl.smt;

import java.math.BigDecimal;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;

/** Subscription events as the generator emits them, with a schema (Struct) and without (Map). */
public final class SubscriptionEvents {

  public static final Schema DEVICE =
      SchemaBuilder.struct()
          .name("io.streametl.Device")
          .optional()
          .field("os", Schema.OPTIONAL_STRING_SCHEMA)
          .field("app_version", Schema.OPTIONAL_STRING_SCHEMA)
          .build();

  public static final Schema EVENT =
      SchemaBuilder.struct()
          .name("io.streametl.SubscriptionEvent")
          .field("event_id", Schema.STRING_SCHEMA)
          .field("user_id", Schema.STRING_SCHEMA)
          .field("event_type", Schema.STRING_SCHEMA)
          .field("plan", Schema.OPTIONAL_STRING_SCHEMA)
          .field("region", Schema.OPTIONAL_STRING_SCHEMA)
          .field("channel", Schema.OPTIONAL_STRING_SCHEMA)
          .field("amount", Decimal.builder(2).optional().build())
          .field("currency", Schema.OPTIONAL_STRING_SCHEMA)
          .field("event_time", Timestamp.SCHEMA)
          .field("device", DEVICE)
          .build();

  private SubscriptionEvents() {}

  public static Struct struct() {
    return new Struct(EVENT)
        .put("event_id", "e-1001")
        .put("user_id", "u-42")
        .put("event_type", "subscribed")
        .put("plan", "pro")
        .put("region", "eu-west")
        .put("channel", "web")
        .put("amount", new BigDecimal("12.50"))
        .put("currency", "EUR")
        .put("event_time", new Date(1_763_744_400_000L))
        .put("device", new Struct(DEVICE).put("os", "ios").put("app_version", "5.1.0"));
  }

  /** Mutable, so a test can break it; nested device map included. */
  public static Map<String, Object> map() {
    Map<String, Object> device = new HashMap<>();
    device.put("os", "ios");
    device.put("app_version", "5.1.0");
    Map<String, Object> event = new HashMap<>();
    event.put("event_id", "e-1001");
    event.put("user_id", "u-42");
    event.put("event_type", "subscribed");
    event.put("plan", "pro");
    event.put("region", "eu-west");
    event.put("channel", "web");
    event.put("amount", 12.5);
    event.put("currency", "EUR");
    event.put("event_time", "2025-11-21T17:00:00Z");
    event.put("device", device);
    return event;
  }
}
