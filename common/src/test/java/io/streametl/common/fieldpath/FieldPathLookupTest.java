package io.streametl.common.fieldpath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

class FieldPathLookupTest {

  @Test
  void readsTopLevelAndNestedStructFields() {
    Struct event = SubscriptionEvents.struct();

    assertThat(FieldPath.parse("user_id").lookup(event).value()).isEqualTo("u-42");
    assertThat(FieldPath.parse("device.os").lookup(event).value()).isEqualTo("ios");
  }

  @Test
  void readsTopLevelAndNestedMapFields() {
    Map<String, Object> event = SubscriptionEvents.map();

    assertThat(FieldPath.parse("user_id").lookup(event).value()).isEqualTo("u-42");
    assertThat(FieldPath.parse("device.app_version").lookup(event).value()).isEqualTo("5.1.0");
  }

  @Test
  void tellsAPresentNullFromAnAbsentField() {
    FieldValue nullPlan = FieldPath.parse("plan").lookup(SubscriptionEvents.struct());
    FieldValue noRegion = FieldPath.parse("region").lookup(SubscriptionEvents.struct());

    assertThat(nullPlan.isPresent()).isTrue();
    assertThat(nullPlan.isNull()).isTrue();
    assertThat(nullPlan.value()).isNull();
    assertThat(noRegion.isPresent()).isFalse();
    assertThat(noRegion.isNull()).isFalse();
    assertThat(noRegion.absenceReason()).isEqualTo("missing");
    assertThatThrownBy(noRegion::value).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void tellsAPresentNullFromAnAbsentKeyInMaps() {
    Map<String, Object> event = SubscriptionEvents.map();

    assertThat(FieldPath.parse("plan").lookup(event).isNull()).isTrue();
    assertThat(FieldPath.parse("region").lookup(event).isPresent()).isFalse();
  }

  @Test
  void reportsAMissingEnclosingField() {
    FieldValue found = FieldPath.parse("location.city").lookup(SubscriptionEvents.map());

    assertThat(found.isPresent()).isFalse();
    assertThat(found.absenceReason()).isEqualTo("missing: 'location' is missing");
  }

  @Test
  void reportsANullEnclosingStructAsAbsent() {
    Struct event = SubscriptionEvents.struct().put("device", null);

    FieldValue found = FieldPath.parse("device.os").lookup(event);

    assertThat(found.isPresent()).isFalse();
    assertThat(found.absenceReason()).isEqualTo("missing: 'device' is null");
  }

  @Test
  void reportsAScalarEnclosingFieldByTypeNotValue() {
    FieldValue found = FieldPath.parse("user_id.first").lookup(SubscriptionEvents.map());

    assertThat(found.absenceReason())
        .isEqualTo("missing: 'user_id' is a string, not a struct or map")
        .doesNotContain("u-42");
  }

  @Test
  void readsQuotedNamesContainingDots() {
    Map<String, Object> value = Map.of("app.version", Map.of("major", 5));

    assertThat(FieldPath.parse("`app.version`.major").lookup(value).value()).isEqualTo(5);
    assertThat(FieldPath.parse("app.version.major").lookup(value).isPresent()).isFalse();
  }

  @Test
  void readsMapsHeldInStructs() {
    Schema schema =
        SchemaBuilder.struct()
            .field("labels", SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.STRING_SCHEMA).build())
            .build();
    Struct value = new Struct(schema).put("labels", Map.of("channel", "web"));

    assertThat(FieldPath.parse("labels.channel").lookup(value).value()).isEqualTo("web");
  }

  @Test
  void appliesTheSchemaDefaultLikeAConverterWould() {
    Schema schema =
        SchemaBuilder.struct()
            .field("currency", SchemaBuilder.string().optional().defaultValue("EUR").build())
            .build();

    assertThat(FieldPath.parse("currency").lookup(new Struct(schema)).value()).isEqualTo("EUR");
  }

  @Test
  void findsNothingInANullValue() {
    assertThat(FieldPath.parse("user_id").lookup((Struct) null).isPresent()).isFalse();
  }
}
