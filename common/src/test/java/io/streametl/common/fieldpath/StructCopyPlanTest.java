package io.streametl.common.fieldpath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

/** A plan must build exactly the struct StructValueWriter.copyWith builds, or not be made. */
class StructCopyPlanTest {

  private static final FieldPath TOPIC = FieldPath.parse("_source_topic");
  private static final FieldPath OFFSET = FieldPath.parse("_source_offset");
  private static final List<FieldPath> WRITTEN = List.of(TOPIC, OFFSET);
  private static final Map<FieldPath, Schema> ADDED = schemas(
      TOPIC, Schema.OPTIONAL_STRING_SCHEMA, OFFSET, Schema.OPTIONAL_INT64_SCHEMA);

  @Test
  void copiesEveryFieldAndWritesTheNewOnesAsCopyWithDoes() {
    Schema target = StructSchemaExtender.withOptionalFields(SubscriptionEvents.EVENT, ADDED);
    StructCopyPlan plan = StructCopyPlan.of(SubscriptionEvents.EVENT, target, WRITTEN).orElseThrow();
    Struct source = SubscriptionEvents.struct();

    Struct copy = plan.copy(source, new Object[] {"events", 17L});

    assertThat(copy).isEqualTo(StructValueWriter.copyWith(source, target, values("events", 17L)));
    assertThat(copy.getString("_source_topic")).isEqualTo("events");
    assertThat(copy.getInt64("_source_offset")).isEqualTo(17L);
    assertThat(copy.get("device")).isSameAs(source.get("device"));
    assertThat(source.schema()).isSameAs(SubscriptionEvents.EVENT);
  }

  @Test
  void aWrittenFieldTheSourceAlreadyHasIsOverwritten() {
    Schema withTopic = SchemaBuilder.struct().field("id", Schema.STRING_SCHEMA)
        .field("_source_topic", Schema.OPTIONAL_STRING_SCHEMA).build();
    Schema target = StructSchemaExtender.withOptionalFields(withTopic, ADDED);
    Struct source = new Struct(withTopic).put("id", "e-1").put("_source_topic", "old");

    Struct copy = StructCopyPlan.of(withTopic, target, WRITTEN).orElseThrow().copy(source, new Object[] {"new", 3L});

    assertThat(copy).isEqualTo(StructValueWriter.copyWith(source, target, values("new", 3L)));
    assertThat(copy.getString("_source_topic")).isEqualTo("new");
  }

  @Test
  void nullsAndDefaultsAreCopiedAsCopyWithCopiesThem() {
    Schema withDefaults = SchemaBuilder.struct()
        .field("currency", SchemaBuilder.string().optional().defaultValue("EUR").build())
        .field("tier", SchemaBuilder.string().defaultValue("free").build())
        .field("note", Schema.OPTIONAL_STRING_SCHEMA)
        .build();
    Schema target = StructSchemaExtender.withOptionalFields(withDefaults, ADDED);
    StructCopyPlan plan = StructCopyPlan.of(withDefaults, target, WRITTEN).orElseThrow();

    for (Struct source : List.of(new Struct(withDefaults),
        new Struct(withDefaults).put("currency", "USD").put("tier", "pro").put("note", "n"))) {
      Struct copy = plan.copy(source, new Object[] {null, null});

      Struct expected = StructValueWriter.copyWith(source, target, values(null, null));
      assertThat(copy).isEqualTo(expected);
      assertThat(copy.getWithoutDefault("currency")).isEqualTo(expected.getWithoutDefault("currency"));
      assertThat(copy.getWithoutDefault("tier")).isEqualTo(expected.getWithoutDefault("tier"));
    }
    assertThat(plan.copy(new Struct(withDefaults), new Object[] {null, null}).getWithoutDefault("currency"))
        .isNull();
  }

  @Test
  void aRequiredFieldLeftUnsetFailsAsInCopyWith() {
    Schema required = SchemaBuilder.struct().field("id", Schema.STRING_SCHEMA).build();
    Schema target = StructSchemaExtender.withOptionalFields(required, ADDED);
    Struct unset = new Struct(required);

    assertThatThrownBy(() -> StructValueWriter.copyWith(unset, target, values("t", 1L)))
        .isInstanceOf(DataException.class);
    assertThatThrownBy(() -> StructCopyPlan.of(required, target, WRITTEN).orElseThrow()
        .copy(unset, new Object[] {"t", 1L}))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("id");
  }

  @Test
  void aValueOfTheWrongTypeIsRejectedAsInCopyWith() {
    Schema target = StructSchemaExtender.withOptionalFields(SubscriptionEvents.EVENT, ADDED);
    StructCopyPlan plan = StructCopyPlan.of(SubscriptionEvents.EVENT, target, WRITTEN).orElseThrow();

    assertThatThrownBy(() -> plan.copy(SubscriptionEvents.struct(), new Object[] {"t", "not a long"}))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("_source_offset");
  }

  @Test
  void noPlanWhereOnlyCopyWithKnowsWhatToDo() {
    Schema target = StructSchemaExtender.withOptionalFields(SubscriptionEvents.EVENT, ADDED);
    FieldPath nested = FieldPath.parse("device.model");
    Schema nestedTarget = StructSchemaExtender.withOptionalFields(
        SubscriptionEvents.EVENT, Map.of(nested, Schema.OPTIONAL_STRING_SCHEMA));

    assertThat(StructCopyPlan.of(SubscriptionEvents.EVENT, nestedTarget, List.of(nested))).isEmpty();
    assertThat(StructCopyPlan.of(SubscriptionEvents.EVENT, target, List.of(TOPIC, TOPIC))).isEmpty();
    assertThat(StructCopyPlan.of(SubscriptionEvents.EVENT, target, List.of(FieldPath.parse("absent")))).isEmpty();
    // The target reshapes a field the plan would copy (a device struct with one more field).
    assertThat(StructCopyPlan.of(SubscriptionEvents.EVENT, nestedTarget, List.of())).isEmpty();
  }

  @Test
  void aStructOfAnotherSchemaIsRefused() {
    Schema target = StructSchemaExtender.withOptionalFields(SubscriptionEvents.EVENT, ADDED);
    StructCopyPlan plan = StructCopyPlan.of(SubscriptionEvents.EVENT, target, WRITTEN).orElseThrow();
    Schema other = SchemaBuilder.struct().field("id", Schema.STRING_SCHEMA).build();

    assertThatThrownBy(() -> plan.copy(new Struct(other).put("id", "x"), new Object[] {"t", 1L}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Map<FieldPath, Object> values(Object topic, Object offset) {
    Map<FieldPath, Object> values = new LinkedHashMap<>();
    values.put(TOPIC, topic);
    values.put(OFFSET, offset);
    return values;
  }

  private static Map<FieldPath, Schema> schemas(FieldPath a, Schema sa, FieldPath b, Schema sb) {
    Map<FieldPath, Schema> schemas = new LinkedHashMap<>();
    schemas.put(a, sa);
    schemas.put(b, sb);
    return schemas;
  }
}
