package io.streametl.source.generator;

import static io.streametl.source.generator.SubscriptionEventFields.AMOUNT;
import static io.streametl.source.generator.SubscriptionEventFields.CHANNEL;
import static io.streametl.source.generator.SubscriptionEventFields.CURRENCY;
import static io.streametl.source.generator.SubscriptionEventFields.DEVICE;
import static io.streametl.source.generator.SubscriptionEventFields.DEVICE_APP_VERSION;
import static io.streametl.source.generator.SubscriptionEventFields.DEVICE_OS;
import static io.streametl.source.generator.SubscriptionEventFields.EVENT_ID;
import static io.streametl.source.generator.SubscriptionEventFields.EVENT_TIME;
import static io.streametl.source.generator.SubscriptionEventFields.EVENT_TYPE;
import static io.streametl.source.generator.SubscriptionEventFields.PLAN;
import static io.streametl.source.generator.SubscriptionEventFields.REGION;
import static io.streametl.source.generator.SubscriptionEventFields.USER_ID;

import java.util.Date;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

/** Builds the {@code struct} output format. */
final class StructValueEncoder {

  private StructValueEncoder() {}

  static RecordValue encode(GeneratedEvent generated) {
    SubscriptionEvent event = generated.event();
    return switch (generated.kind()) {
      case VALID, LATE -> struct(SubscriptionEventSchemas.VALUE, event, event.amount(), null);
      case INVALID_MISSING_FIELD -> {
        String missing = generated.missingField().orElseThrow();
        yield struct(SubscriptionEventSchemas.missingField(missing), event, event.amount(), missing);
      }
      case INVALID_WRONG_TYPE ->
          struct(SubscriptionEventSchemas.WRONG_TYPE_AMOUNT, event, WrongTypeAmount.text(event), null);
      case UNPARSEABLE -> new RecordValue(Schema.STRING_SCHEMA, UnparseableText.of(generated));
      case DUPLICATE -> throw new IllegalStateException("duplicates reuse their original's value");
    };
  }

  private static RecordValue struct(Schema schema, SubscriptionEvent event, Object amount, String omitted) {
    Struct device =
        new Struct(SubscriptionEventSchemas.DEVICE_SCHEMA)
            .put(DEVICE_OS, event.device().os())
            .put(DEVICE_APP_VERSION, event.device().appVersion());
    Struct value =
        new Struct(schema)
            .put(EVENT_ID, event.eventId())
            .put(USER_ID, event.userId())
            .put(EVENT_TYPE, event.eventType())
            .put(PLAN, event.plan())
            .put(REGION, event.region())
            .put(CHANNEL, event.channel())
            .put(AMOUNT, amount)
            .put(CURRENCY, event.currency())
            .put(EVENT_TIME, Date.from(event.eventTime()))
            .put(DEVICE, device);
    if (omitted != null) {
      value.put(omitted, null);
    }
    return new RecordValue(schema, value);
  }
}
