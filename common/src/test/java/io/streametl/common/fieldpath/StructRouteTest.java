package io.streametl.common.fieldpath;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

/** One path read again and again, as transforms and the sink read it: the route must never lie. */
class StructRouteTest {

  private static final Schema DEVICE_V2 = SchemaBuilder.struct().name("Device")
      .field("model", Schema.OPTIONAL_STRING_SCHEMA).field("os", Schema.STRING_SCHEMA).build();
  private static final Schema EVENT = SchemaBuilder.struct().name("Event")
      .field("id", Schema.STRING_SCHEMA).field("device", SchemaBuilder.struct().name("Device")
          .field("os", Schema.STRING_SCHEMA).optional().build()).build();
  /** The same fields in another order, so each sits at another index. */
  private static final Schema EVENT_REORDERED = SchemaBuilder.struct().name("Event")
      .field("device", DEVICE_V2).field("id", Schema.STRING_SCHEMA).build();

  @Test
  void aReadOfAStructRemembersTheRouteForItsSchema() {
    FieldPath path = FieldPath.parse("device.os");

    path.lookup(event("e-1", "ios"));

    assertThat(path.route()).isNotNull();
    assertThat(path.route().follow(event("e-2", "android"))).isEqualTo("android");
    assertThat(path.route().follow(reordered("e-3", "ios"))).isSameAs(StructRoute.OFF_ROUTE);
  }

  @Test
  void theRouteReadsEachLaterStructOfTheSameSchema() {
    FieldPath path = FieldPath.parse("device.os");
    path.lookup(event("e-1", "ios"));
    StructRoute route = path.route();

    assertThat(path.lookup(event("e-2", "android")).value()).isEqualTo("android");
    assertThat(path.route()).isSameAs(route);
  }

  @Test
  void structsOfOtherSchemasInTurnAreEachReadByTheirOwnFields() {
    FieldPath id = FieldPath.parse("id");
    FieldPath os = FieldPath.parse("device.os");
    for (int i = 0; i < 6; i++) {
      Struct value = i % 2 == 0 ? event("e-" + i, "ios-" + i) : reordered("e-" + i, "android-" + i);

      assertThat(id.lookup(value).value()).isEqualTo("e-" + i);
      assertThat(os.lookup(value).value()).isEqualTo(i % 2 == 0 ? "ios-" + i : "android-" + i);
    }
  }

  @Test
  void aNestedStructWithAnEqualSchemaObjectIsReadTheOrdinaryWayAndBecomesTheRoute() {
    FieldPath path = FieldPath.parse("device.os");
    path.lookup(event("e-1", "ios"));
    Schema equalDevice = SchemaBuilder.struct().name("Device").field("os", Schema.STRING_SCHEMA).optional().build();
    Struct value = new Struct(EVENT).put("id", "e-2").put("device", new Struct(equalDevice).put("os", "android"));

    assertThat(path.lookup(value).value()).isEqualTo("android");
    assertThat(path.route().follow(value)).isEqualTo("android");
    assertThat(path.route().follow(event("e-3", "ios"))).isSameAs(StructRoute.OFF_ROUTE);
  }

  @Test
  void aNullOnTheWayIsReportedAfterARouteWasLearnt() {
    FieldPath path = FieldPath.parse("device.os");
    path.lookup(event("e-1", "ios"));

    FieldValue found = path.lookup(new Struct(EVENT).put("id", "e-2"));

    assertThat(found.isPresent()).isFalse();
    assertThat(found.absenceReason()).isEqualTo("missing: 'device' is null");
  }

  @Test
  void defaultsApplyOnTheRouteAsOnTheOrdinaryWay() {
    Schema schema = SchemaBuilder.struct()
        .field("currency", SchemaBuilder.string().optional().defaultValue("EUR").build()).build();
    FieldPath path = FieldPath.parse("currency");

    assertThat(path.lookup(new Struct(schema)).value()).isEqualTo("EUR");
    assertThat(path.lookup(new Struct(schema).put("currency", "USD")).value()).isEqualTo("USD");
    assertThat(path.lookup(new Struct(schema)).value()).isEqualTo("EUR");
  }

  @Test
  void aSchemaBuilderCanGainFieldsSoItGetsNoRoute() {
    SchemaBuilder builder = SchemaBuilder.struct().field("id", Schema.STRING_SCHEMA);
    FieldPath path = FieldPath.parse("id");

    assertThat(path.lookup(new Struct(builder).put("id", "e-1")).value()).isEqualTo("e-1");
    assertThat(path.route()).isNull();
  }

  @Test
  void aPathThroughAMapGetsNoRouteAndStillReads() {
    Schema schema = SchemaBuilder.struct()
        .field("labels", SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.STRING_SCHEMA).build()).build();
    FieldPath path = FieldPath.parse("labels.channel");

    for (String channel : new String[] {"web", "ios"}) {
      Struct value = new Struct(schema).put("labels", Map.of("channel", channel));
      assertThat(path.lookup(value).value()).isEqualTo(channel);
    }
    assertThat(path.route()).isNull();
  }

  @Test
  void equalPathsStayEqualWhateverTheyRemember() {
    FieldPath used = FieldPath.parse("device.os");
    used.lookup(event("e-1", "ios"));

    assertThat(used).isEqualTo(FieldPath.parse("device.os")).hasSameHashCodeAs(FieldPath.parse("device.os"));
  }

  private static Struct event(String id, String os) {
    Schema device = EVENT.field("device").schema();
    return new Struct(EVENT).put("id", id).put("device", new Struct(device).put("os", os));
  }

  private static Struct reordered(String id, String os) {
    return new Struct(EVENT_REORDERED).put("device", new Struct(DEVICE_V2).put("os", os)).put("id", id);
  }
}
