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

import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Timestamp;

/**
 * The Connect schemas of the {@code struct} output format.
 *
 * <p>A valid event uses {@link #VALUE}, in which every field is required. Invalid events use
 * variant schemas with the same name, the way a buggy producer version would send them:
 * {@link #missingField(String)} makes one field optional (and the value leaves it null), and
 * {@link #WRONG_TYPE_AMOUNT} declares {@code amount} as a string. Unparseable events have the
 * schema {@link Schema#STRING_SCHEMA}. Schemas are shared constants so converters can cache them.
 */
public final class SubscriptionEventSchemas {

  public static final String VALUE_NAME = "io.streametl.events.SubscriptionEvent";
  public static final String DEVICE_NAME = "io.streametl.events.Device";
  public static final int VERSION = 1;
  /** Scale of the {@code amount} decimal. */
  public static final int AMOUNT_SCALE = 2;

  /** The record key: the event id. */
  public static final Schema KEY = Schema.STRING_SCHEMA;

  public static final Schema DEVICE_SCHEMA =
      SchemaBuilder.struct()
          .name(DEVICE_NAME)
          .version(VERSION)
          .field(DEVICE_OS, Schema.STRING_SCHEMA)
          .field(DEVICE_APP_VERSION, Schema.STRING_SCHEMA)
          .build();

  /** The schema of a valid subscription event: all fields required. */
  public static final Schema VALUE = build(Map.of());

  /** Fields that an {@link EventKind#INVALID_MISSING_FIELD} event may lack. */
  public static final List<String> MISSABLE_FIELDS = List.of(USER_ID, EVENT_TYPE, AMOUNT);

  private static final Map<String, Schema> MISSING_FIELD_VARIANTS =
      Map.of(
          USER_ID, build(Map.of(USER_ID, Schema.OPTIONAL_STRING_SCHEMA)),
          EVENT_TYPE, build(Map.of(EVENT_TYPE, Schema.OPTIONAL_STRING_SCHEMA)),
          AMOUNT, build(Map.of(AMOUNT, Decimal.builder(AMOUNT_SCALE).optional().build())));

  /** The variant of an {@link EventKind#INVALID_WRONG_TYPE} event: {@code amount} is a string. */
  public static final Schema WRONG_TYPE_AMOUNT = build(Map.of(AMOUNT, Schema.STRING_SCHEMA));

  private SubscriptionEventSchemas() {}

  /** The variant schema in which {@code field} (one of {@link #MISSABLE_FIELDS}) is optional. */
  public static Schema missingField(String field) {
    Schema schema = MISSING_FIELD_VARIANTS.get(field);
    if (schema == null) {
      throw new IllegalArgumentException(
          "no missing-field variant for '" + field + "'; expected one of " + MISSABLE_FIELDS);
    }
    return schema;
  }

  private static Schema build(Map<String, Schema> overrides) {
    SchemaBuilder builder = SchemaBuilder.struct().name(VALUE_NAME).version(VERSION);
    field(builder, overrides, EVENT_ID, Schema.STRING_SCHEMA);
    field(builder, overrides, USER_ID, Schema.STRING_SCHEMA);
    field(builder, overrides, EVENT_TYPE, Schema.STRING_SCHEMA);
    field(builder, overrides, PLAN, Schema.STRING_SCHEMA);
    field(builder, overrides, REGION, Schema.STRING_SCHEMA);
    field(builder, overrides, CHANNEL, Schema.STRING_SCHEMA);
    field(builder, overrides, AMOUNT, Decimal.schema(AMOUNT_SCALE));
    field(builder, overrides, CURRENCY, Schema.STRING_SCHEMA);
    field(builder, overrides, EVENT_TIME, Timestamp.SCHEMA);
    field(builder, overrides, DEVICE, DEVICE_SCHEMA);
    return builder.build();
  }

  private static void field(
      SchemaBuilder builder, Map<String, Schema> overrides, String name, Schema schema) {
    builder.field(name, overrides.getOrDefault(name, schema));
  }
}
