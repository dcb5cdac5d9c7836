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

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.connect.data.Schema;

/**
 * Builds the schemaless {@code map} output format, and the field map behind the {@code json}
 * format.
 */
final class MapValueEncoder {

  /** Always three fraction digits (ISO_INSTANT drops them when they are zero). */
  private static final DateTimeFormatter EVENT_TIME_FORMAT =
      new DateTimeFormatterBuilder().appendInstant(3).toFormatter(Locale.ROOT);

  private MapValueEncoder() {}

  static RecordValue encode(GeneratedEvent generated) {
    if (generated.kind() == EventKind.UNPARSEABLE) {
      return new RecordValue(Schema.STRING_SCHEMA, UnparseableText.of(generated));
    }
    // A Double, not a BigDecimal: JsonConverter cannot write a BigDecimal without a schema.
    return new RecordValue(null, fields(generated, BigDecimal::doubleValue));
  }

  /**
   * The event as an ordered field map, with the defect of its kind applied.
   *
   * @param amountForm how to represent a numeric amount (the wrong-type defect uses a string)
   */
  static Map<String, Object> fields(GeneratedEvent generated, Function<? super BigDecimal, ?> amountForm) {
    SubscriptionEvent event = generated.event();
    Map<String, Object> fields = allFields(event, amountForm);
    switch (generated.kind()) {
      case INVALID_MISSING_FIELD -> fields.remove(generated.missingField().orElseThrow());
      case INVALID_WRONG_TYPE -> fields.put(AMOUNT, WrongTypeAmount.text(event));
      default -> {
        // valid fields as drawn
      }
    }
    return fields;
  }

  static Map<String, Object> allFields(SubscriptionEvent event, Function<? super BigDecimal, ?> amountForm) {
    Map<String, Object> device = new LinkedHashMap<>();
    device.put(DEVICE_OS, event.device().os());
    device.put(DEVICE_APP_VERSION, event.device().appVersion());
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put(EVENT_ID, event.eventId());
    fields.put(USER_ID, event.userId());
    fields.put(EVENT_TYPE, event.eventType());
    fields.put(PLAN, event.plan());
    fields.put(REGION, event.region());
    fields.put(CHANNEL, event.channel());
    fields.put(AMOUNT, amountForm.apply(event.amount()));
    fields.put(CURRENCY, event.currency());
    fields.put(EVENT_TIME, formatEventTime(event.eventTime()));
    fields.put(DEVICE, device);
    return fields;
  }

  /** ISO-8601 in UTC with milliseconds, for example {@code 2026-11-21T10:15:30.120Z}. */
  static String formatEventTime(Instant time) {
    return EVENT_TIME_FORMAT.format(time);
  }
}
