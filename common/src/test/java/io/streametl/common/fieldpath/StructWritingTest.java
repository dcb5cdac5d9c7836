package io.streametl.common.fieldpath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

/** StructSchemaExtender and StructValueWriter, which are only useful together. */
class StructWritingTest {

  private static final FieldPath TOPIC = FieldPath.parse("_source_topic");
  private static final FieldPath MODEL = FieldPath.parse("device.model");
  private static final FieldPath META_OFFSET = FieldPath.parse("_meta.offset");

  @Test
  void addsOptionalFieldsAtTheEndKeepingTheSchemaIdentity() {
    Schema extended =
        StructSchemaExtender.withOptionalFields(
            SubscriptionEvents.EVENT, Map.of(TOPIC, Schema.OPTIONAL_STRING_SCHEMA));

    assertThat(extended.fields())
        .extracting(Field::name)
        .containsExactly(
            "event_id", "user_id", "plan", "amount", "event_time", "device", "_source_topic");
    assertThat(extended.field("_source_topic").schema()).isEqualTo(Schema.OPTIONAL_STRING_SCHEMA);
    assertThat(extended.name()).isEqualTo(SubscriptionEvents.EVENT.name());
    assertThat(extended.version()).isEqualTo(3);
    assertThat(extended.doc()).isEqualTo(SubscriptionEvents.EVENT.doc());
    assertThat(extended.isOptional()).isFalse();
  }

  @Test
  void addsFieldsInsideExistingAndNewStructs() {
    Map<FieldPath, Schema> fields = new LinkedHashMap<>();
    fields.put(MODEL, Schema.OPTIONAL_STRING_SCHEMA);
    fields.put(META_OFFSET, Schema.OPTIONAL_INT64_SCHEMA);

    Schema extended = StructSchemaExtender.withOptionalFields(SubscriptionEvents.EVENT, fields);

    Schema device = extended.field("device").schema();
    assertThat(device.fields()).extracting(Field::name).containsExactly("os", "app_version", "model");
    assertThat(device.name()).isEqualTo("io.streametl.Device");
    assertThat(device.isOptional()).isTrue();
    Schema meta = extended.field("_meta").schema();
    assertThat(meta.type()).isEqualTo(Schema.Type.STRUCT);
    assertThat(meta.isOptional()).isTrue();
    assertThat(meta.field("offset").schema()).isEqualTo(Schema.OPTIONAL_INT64_SCHEMA);
  }

  @Test
  void leavesUntouchedFieldSchemasAsTheyWere() {
    Schema extended =
        StructSchemaExtender.withOptionalFields(
            SubscriptionEvents.EVENT, Map.of(TOPIC, Schema.OPTIONAL_STRING_SCHEMA));

    assertThat(extended.field("device").schema()).isSameAs(SubscriptionEvents.DEVICE);
  }

  @Test
  void refusesRequiredAddedFields() {
    assertThatThrownBy(
            () ->
                StructSchemaExtender.withOptionalFields(
                    SubscriptionEvents.EVENT, Map.of(TOPIC, Schema.STRING_SCHEMA)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'_source_topic'")
        .hasMessageContaining("must be optional");
  }

  @Test
  void refusesToAddInsideANonStructField() {
    assertThatThrownBy(
            () ->
                StructSchemaExtender.withOptionalFields(
                    SubscriptionEvents.EVENT,
                    Map.of(FieldPath.parse("user_id.x"), Schema.OPTIONAL_STRING_SCHEMA)))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("'user_id'")
        .hasMessageContaining("a string field, not a struct");
  }

  @Test
  void refusesANonStructBase() {
    assertThatThrownBy(
            () ->
                StructSchemaExtender.withOptionalFields(
                    Schema.STRING_SCHEMA, Map.of(TOPIC, Schema.OPTIONAL_STRING_SCHEMA)))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("string schema");
  }

  @Test
  void copiesTheStructAndWritesTheNewValues() {
    Map<FieldPath, Schema> fields = new LinkedHashMap<>();
    fields.put(TOPIC, Schema.OPTIONAL_STRING_SCHEMA);
    fields.put(MODEL, Schema.OPTIONAL_STRING_SCHEMA);
    fields.put(META_OFFSET, Schema.OPTIONAL_INT64_SCHEMA);
    Schema extended = StructSchemaExtender.withOptionalFields(SubscriptionEvents.EVENT, fields);
    Map<FieldPath, Object> values = new LinkedHashMap<>();
    values.put(TOPIC, "subscriptions");
    values.put(MODEL, "pixel");
    values.put(META_OFFSET, 42L);

    Struct written = StructValueWriter.copyWith(SubscriptionEvents.struct(), extended, values);

    written.validate();
    assertThat(written.schema()).isSameAs(extended);
    assertThat(written.get("_source_topic")).isEqualTo("subscriptions");
    assertThat(MODEL.lookup(written).value()).isEqualTo("pixel");
    assertThat(META_OFFSET.lookup(written).value()).isEqualTo(42L);
    assertThat(FieldPath.parse("device.os").lookup(written).value()).isEqualTo("ios");
    assertThat(written.get("amount")).isEqualTo(SubscriptionEvents.struct().get("amount"));
    assertThat(written.get("plan")).isNull();
  }

  @Test
  void neverChangesTheSourceStruct() {
    Schema extended =
        StructSchemaExtender.withOptionalFields(
            SubscriptionEvents.EVENT, Map.of(MODEL, Schema.OPTIONAL_STRING_SCHEMA));
    Struct source = SubscriptionEvents.struct();

    StructValueWriter.copyWith(source, extended, Map.of(MODEL, "pixel"));

    assertThat(source).isEqualTo(SubscriptionEvents.struct());
  }

  @Test
  void replacesAnExistingFieldAndItsValue() {
    FieldPath deviceOs = FieldPath.parse("device.os");
    Schema extended =
        StructSchemaExtender.withOptionalFields(
            SubscriptionEvents.EVENT, Map.of(deviceOs, Schema.OPTIONAL_STRING_SCHEMA));
    Struct source = SubscriptionEvents.struct();

    Struct written = StructValueWriter.copyWith(source, extended, Map.of(deviceOs, "android"));

    assertThat(deviceOs.lookup(written).value()).isEqualTo("android");
    assertThat(deviceOs.lookup(source).value()).isEqualTo("ios");
  }

  @Test
  void createsANullEnclosingStruct() {
    Schema extended =
        StructSchemaExtender.withOptionalFields(
            SubscriptionEvents.EVENT, Map.of(MODEL, Schema.OPTIONAL_STRING_SCHEMA));
    Struct source = SubscriptionEvents.struct().put("device", null);

    Struct written = StructValueWriter.copyWith(source, extended, Map.of(MODEL, "pixel"));

    assertThat(MODEL.lookup(written).value()).isEqualTo("pixel");
    assertThat(FieldPath.parse("device.os").lookup(written).isNull()).isTrue();
  }

  @Test
  void keepsNullsInOptionalFieldsThatHaveDefaults() {
    Schema base =
        SchemaBuilder.struct()
            .field("currency", SchemaBuilder.string().optional().defaultValue("EUR").build())
            .build();
    Schema extended =
        StructSchemaExtender.withOptionalFields(base, Map.of(TOPIC, Schema.OPTIONAL_STRING_SCHEMA));

    Struct written = StructValueWriter.copyWith(new Struct(base), extended, Map.of(TOPIC, "t"));

    assertThat(written.getWithoutDefault("currency")).isNull();
  }

  @Test
  void refusesValuesForFieldsTheTargetSchemaLacks() {
    assertThatThrownBy(
            () ->
                StructValueWriter.copyWith(
                    SubscriptionEvents.struct(), SubscriptionEvents.EVENT, Map.of(TOPIC, "t")))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("target schema lacks");
  }
}
