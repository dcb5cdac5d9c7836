package io.streametl.common.fieldpath;

import java.math.BigDecimal;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;

/** Sample subscription events, as the generator emits them, with and without a schema. */
final class SubscriptionEvents {

  static final Schema DEVICE =
      SchemaBuilder.struct()
          .name("io.streametl.Device")
          .optional()
          .field("os", Schema.OPTIONAL_STRING_SCHEMA)
          .field("app_version", Schema.OPTIONAL_STRING_SCHEMA)
          .build();

  static final Schema EVENT =
      SchemaBuilder.struct()
          .name("io.streametl.SubscriptionEvent")
          .version(3)
          .doc("a change to a user's subscription")
          .field("event_id", Schema.STRING_SCHEMA)
          .field("user_id", Schema.STRING_SCHEMA)
          .field("plan", Schema.OPTIONAL_STRING_SCHEMA)
          .field("amount", Decimal.builder(2).optional().build())
          .field("event_time", Timestamp.SCHEMA)
          .field("device", DEVICE)
          .build();

  private SubscriptionEvents() {}

  static Struct struct() {
    return new Struct(EVENT)
        .put("event_id", "e-1")
        .put("user_id", "u-42")
        .put("plan", null)
        .put("amount", new BigDecimal("9.99"))
        .put("event_time", new Date(1_700_000_000_000L))
        .put("device", new Struct(DEVICE).put("os", "ios").put("app_version", "5.1.0"));
  }

  static Map<String, Object> map() {
    Map<String, Object> device = new HashMap<>();
    device.put("os", "ios");
    device.put("app_version", "5.1.0");
    Map<String, Object> event = new HashMap<>();
    event.put("event_id", "e-1");
    event.put("user_id", "u-42");
    event.put("plan", null);
    event.put("amount", 9.99);
    event.put("event_time", "2023-11-14T22:13:20Z");
    event.put("device", device);
    return event;
  }
}
