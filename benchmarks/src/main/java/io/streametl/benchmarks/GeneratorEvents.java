package io.streametl.benchmarks;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;

/**
 * Subscription events shaped as the event generator writes them (its value schema is
 * SubscriptionEventSchemas in source-connectors, which benchmarks do not depend on).
 */
public final class GeneratorEvents {

  private static final long MINUTE = 60_000L;
  private static final String[] REGIONS = {"eu-west", "eu-central", "us-east", "us-west", "ap-south", "sa-east"};
  private static final String[] CHANNELS = {"web", "ios", "android", "partner"};
  private static final String[] PLANS = {"free", "basic", "pro", "team", "enterprise"};
  private static final String[] TYPES = {"signup", "upgrade", "downgrade", "renewal", "cancel"};

  public static final Schema DEVICE = SchemaBuilder.struct().name("io.streametl.events.Device").version(1)
      .field("os", Schema.STRING_SCHEMA).field("app_version", Schema.STRING_SCHEMA).build();
  public static final Schema VALUE = SchemaBuilder.struct().name("io.streametl.events.SubscriptionEvent").version(1)
      .field("event_id", Schema.STRING_SCHEMA)
      .field("user_id", Schema.STRING_SCHEMA)
      .field("event_type", Schema.STRING_SCHEMA)
      .field("plan", Schema.STRING_SCHEMA)
      .field("region", Schema.STRING_SCHEMA)
      .field("channel", Schema.STRING_SCHEMA)
      .field("amount", Decimal.schema(2))
      .field("currency", Schema.STRING_SCHEMA)
      .field("event_time", Timestamp.SCHEMA)
      .field("device", DEVICE)
      .build();

  private GeneratorEvents() {}

  /**
   * {@code count} events, the same for the same count: 5 % repeat one of the previous 100 event
   * ids (duplicates), 5 % are 1 to 30 minutes late, event times 5 ms apart otherwise.
   */
  public static List<Struct> events(int count) {
    Random random = new Random(42);
    long start = 1_763_700_000_000L;
    List<Struct> events = new ArrayList<>(count);
    List<String> ids = new ArrayList<>(count);
    for (int offset = 0; offset < count; offset++) {
      String id = offset > 100 && random.nextInt(100) < 5 ? ids.get(ids.size() - 1 - random.nextInt(100))
          : new UUID(random.nextLong(), random.nextLong()).toString();
      ids.add(id);
      long eventTime = start + offset * 5L - (random.nextInt(100) < 5 ? (1 + random.nextInt(30)) * MINUTE : 0);
      Struct device = new Struct(DEVICE).put("os", random.nextBoolean() ? "ios" : "android")
          .put("app_version", "3." + random.nextInt(10) + ".0");
      events.add(new Struct(VALUE)
          .put("event_id", id)
          .put("user_id", "user-" + random.nextInt(50_000))
          .put("event_type", TYPES[random.nextInt(TYPES.length)])
          .put("plan", PLANS[random.nextInt(PLANS.length)])
          .put("region", REGIONS[random.nextInt(REGIONS.length)])
          .put("channel", CHANNELS[random.nextInt(CHANNELS.length)])
          .put("amount", BigDecimal.valueOf(random.nextInt(100_00), 2))
          .put("currency", "EUR")
          .put("event_time", new Date(eventTime))
          .put("device", device));
    }
    return events;
  }
}
