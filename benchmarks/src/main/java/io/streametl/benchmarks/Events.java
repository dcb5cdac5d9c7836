package io.streametl.benchmarks;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * A representative record of about 1 KB (as schemaless JSON): a subscription event with
 * attribution, client and device details, as a Struct with a schema and as a schemaless Map.
 */
final class Events {

  static final String TOPIC = "subscription-events";

  static final Schema DEVICE = SchemaBuilder.struct().name("Device").optional()
      .field("os", Schema.STRING_SCHEMA)
      .field("os_version", Schema.STRING_SCHEMA)
      .field("app_version", Schema.STRING_SCHEMA)
      .field("model", Schema.STRING_SCHEMA)
      .field("locale", Schema.STRING_SCHEMA)
      .field("screen", Schema.STRING_SCHEMA)
      .build();

  static final Schema EVENT = SchemaBuilder.struct().name("SubscriptionEvent")
      .field("event_id", Schema.STRING_SCHEMA)
      .field("user_id", Schema.STRING_SCHEMA)
      .field("account_id", Schema.STRING_SCHEMA)
      .field("event_type", Schema.STRING_SCHEMA)
      .field("plan", Schema.STRING_SCHEMA)
      .field("previous_plan", Schema.OPTIONAL_STRING_SCHEMA)
      .field("region", Schema.STRING_SCHEMA)
      .field("country", Schema.STRING_SCHEMA)
      .field("city", Schema.STRING_SCHEMA)
      .field("channel", Schema.STRING_SCHEMA)
      .field("amount", Decimal.builder(2).build())
      .field("currency", Schema.STRING_SCHEMA)
      .field("quantity", Schema.INT32_SCHEMA)
      .field("event_time", Timestamp.SCHEMA)
      .field("event_time_text", Schema.STRING_SCHEMA)
      .field("session_id", Schema.STRING_SCHEMA)
      .field("ip", Schema.STRING_SCHEMA)
      .field("user_agent", Schema.STRING_SCHEMA)
      .field("referrer", Schema.STRING_SCHEMA)
      .field("campaign", Schema.STRING_SCHEMA)
      .field("coupon", Schema.OPTIONAL_STRING_SCHEMA)
      .field("tags", SchemaBuilder.array(Schema.STRING_SCHEMA).build())
      .field("device", DEVICE)
      .build();

  private static final String USER_AGENT = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X)"
      + " AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";
  private static final long EVENT_TIME = 1_763_744_400_123L;

  private Events() {}

  static Struct struct() {
    return new Struct(EVENT)
        .put("event_id", "7c9e6679-7425-40de-944b-e07fc1f90ae7")
        .put("user_id", "user-004217")
        .put("account_id", "acct-77d1b2c4-2f8a-4f0e-9d0a-1c55e2b7a901")
        .put("event_type", "upgrade")
        .put("plan", "pro")
        .put("previous_plan", "basic")
        .put("region", "eu-west")
        .put("country", "IE")
        .put("city", "Dublin")
        .put("channel", "ios")
        .put("amount", new BigDecimal("29.99"))
        .put("currency", "EUR")
        .put("quantity", 1)
        .put("event_time", new Date(EVENT_TIME))
        .put("event_time_text", "2025-11-21T17:00:00.123Z")
        .put("session_id", "sess-5b0e8a0c-93f3-4f11-8a0e-0d6b7c9f2e11")
        .put("ip", "203.0.113.42")
        .put("user_agent", USER_AGENT)
        .put("referrer", "https://www.example.com/pricing?utm_source=newsletter&utm_medium=email")
        .put("campaign", "black-friday-2025-upgrade-offer")
        .put("coupon", null)
        .put("tags", List.of("mobile", "upgrade", "annual-eligible", "newsletter", "eu"))
        .put("device", new Struct(DEVICE)
            .put("os", "ios").put("os_version", "17.4").put("app_version", "5.12.3")
            .put("model", "iPhone15,3").put("locale", "en_IE").put("screen", "1290x2796"));
  }

  /** The same event as JsonConverter without schemas would read it. */
  static Map<String, Object> map() {
    Map<String, Object> device = new LinkedHashMap<>();
    device.put("os", "ios");
    device.put("os_version", "17.4");
    device.put("app_version", "5.12.3");
    device.put("model", "iPhone15,3");
    device.put("locale", "en_IE");
    device.put("screen", "1290x2796");
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("event_id", "7c9e6679-7425-40de-944b-e07fc1f90ae7");
    event.put("user_id", "user-004217");
    event.put("account_id", "acct-77d1b2c4-2f8a-4f0e-9d0a-1c55e2b7a901");
    event.put("event_type", "upgrade");
    event.put("plan", "pro");
    event.put("previous_plan", "basic");
    event.put("region", "eu-west");
    event.put("country", "IE");
    event.put("city", "Dublin");
    event.put("channel", "ios");
    event.put("amount", 29.99);
    event.put("currency", "EUR");
    event.put("quantity", 1L);
    event.put("event_time", "2025-11-21T17:00:00.123Z");
    event.put("event_time_text", "2025-11-21T17:00:00.123Z");
    event.put("session_id", "sess-5b0e8a0c-93f3-4f11-8a0e-0d6b7c9f2e11");
    event.put("ip", "203.0.113.42");
    event.put("user_agent", USER_AGENT);
    event.put("referrer", "https://www.example.com/pricing?utm_source=newsletter&utm_medium=email");
    event.put("campaign", "black-friday-2025-upgrade-offer");
    event.put("coupon", null);
    event.put("tags", List.of("mobile", "upgrade", "annual-eligible", "newsletter", "eu"));
    event.put("device", device);
    return event;
  }

  /** The Map as UTF-8 JSON text, the form FromJson reads. */
  static String jsonText() {
    JsonConverter converter = new JsonConverter();
    converter.configure(Map.of("schemas.enable", "false"), false);
    return new String(converter.fromConnectData(TOPIC, null, map()), StandardCharsets.UTF_8);
  }

  static SinkRecord record(boolean struct) {
    ConnectHeaders headers = new ConnectHeaders();
    headers.addString("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
    headers.addString("tenant", "acme");
    return new SinkRecord(TOPIC, 3, Schema.STRING_SCHEMA, "7c9e6679-7425-40de-944b-e07fc1f90ae7",
        struct ? EVENT : null, struct ? struct() : map(), 123_456L, EVENT_TIME,
        TimestampType.CREATE_TIME, headers);
  }
}
