package io.streametl.smt.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streametl.smt.RecordSide;
import io.streametl.smt.SubscriptionEvents;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ValidateFieldsTest {

  private static final Map<String, String> EVENT_RULES =
      Map.of(
          "fields.required", "event_id,user_id,event_type,device.os",
          "fields.types",
              "user_id:string,amount:number,event_time:timestamp,device:struct,device.os:string");

  private ValidateFields<SinkRecord> transform;

  @AfterEach
  void close() {
    if (transform != null) {
      transform.close();
    }
  }

  private ValidateFields<SinkRecord> configured(RecordSide side, Map<String, String> props) {
    transform = side.pick(ValidateFields.Key::new, ValidateFields.Value::new);
    transform.configure(props);
    return transform;
  }

  @ParameterizedTest
  @EnumSource(RecordSide.class)
  void passesAValidStructUnchanged(RecordSide side) {
    SinkRecord record = side.sinkRecord(SubscriptionEvents.EVENT, SubscriptionEvents.struct());

    assertThat(configured(side, EVENT_RULES).apply(record)).isSameAs(record);
  }

  @ParameterizedTest
  @EnumSource(RecordSide.class)
  void passesAValidMapUnchanged(RecordSide side) {
    SinkRecord record = side.sinkRecord(null, SubscriptionEvents.map());

    assertThat(configured(side, EVENT_RULES).apply(record)).isSameAs(record);
  }

  @ParameterizedTest
  @EnumSource(RecordSide.class)
  void passesRecordsWithNothingToValidate(RecordSide side) {
    SinkRecord tombstone = side.sinkRecord(null, null);

    assertThat(configured(side, EVENT_RULES).apply(tombstone)).isSameAs(tombstone);
  }

  @ParameterizedTest
  @EnumSource(RecordSide.class)
  void listsEveryFailingRuleAndNoData(RecordSide side) {
    Map<String, Object> event = SubscriptionEvents.map();
    event.remove("user_id");
    event.put("amount", "12.50");
    SinkRecord record = side.sinkRecord(null, event);

    assertThatThrownBy(() -> configured(side, EVENT_RULES).apply(record))
        .isInstanceOf(DataException.class)
        .hasMessage(
            "ValidateFields: record " + side.word() + " failed 2 rules: field 'user_id' is"
                + " required but missing; field 'amount' must be a number but is a string")
        .hasMessageNotContaining("12.50")
        .hasMessageNotContaining("e-1001");
  }

  @ParameterizedTest
  @EnumSource(RecordSide.class)
  void explainsMissingNestedFieldsInStructs(RecordSide side) {
    Struct event = SubscriptionEvents.struct().put("device", null).put("plan", null);
    SinkRecord record = side.sinkRecord(SubscriptionEvents.EVENT, event);
    Map<String, String> rules = Map.of("fields.required", "plan,device.os,region");

    assertThatThrownBy(() -> configured(side, rules).apply(record))
        .isInstanceOf(DataException.class)
        .hasMessage(
            "ValidateFields: record " + side.word() + " failed 2 rules: field 'plan' is required"
                + " but null; field 'device.os' is required but missing: 'device' is null");
  }

  @ParameterizedTest
  @EnumSource(RecordSide.class)
  void reportsAFieldTheSchemaLacks(RecordSide side) {
    Schema older = SchemaBuilder.struct().field("event_id", Schema.STRING_SCHEMA).build();
    SinkRecord record = side.sinkRecord(older, new Struct(older).put("event_id", "e-1001"));

    assertThatThrownBy(() -> configured(side, EVENT_RULES).apply(record))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("failed 3 rules")
        .hasMessageContaining("field 'user_id' is required but missing")
        .hasMessageContaining("field 'event_type' is required but missing")
        .hasMessageContaining("field 'device.os' is required but missing: 'device' is missing");
  }

  @ParameterizedTest
  @EnumSource(RecordSide.class)
  void checksTypesInStructs(RecordSide side) {
    Map<String, String> rules = Map.of("fields.types", "amount:int,device:array,plan:string");
    SinkRecord record = side.sinkRecord(SubscriptionEvents.EVENT, SubscriptionEvents.struct());

    assertThatThrownBy(() -> configured(side, rules).apply(record))
        .isInstanceOf(DataException.class)
        .hasMessageEndingWith(
            "failed 2 rules: field 'amount' must be an int but is a decimal; field 'device' must"
                + " be an array but is a struct");
  }

  @ParameterizedTest
  @EnumSource(RecordSide.class)
  void readsABacktickQuotedNameAsOneField(RecordSide side) {
    Map<String, Object> flat = SubscriptionEvents.map();
    flat.put("app.version", "5.1.0");
    SinkRecord flatRecord = side.sinkRecord(null, flat);
    SinkRecord nestedRecord = side.sinkRecord(null, Map.of("app", Map.of("version", "5.1.0")));
    Map<String, String> rules = Map.of("fields.required", "`app.version`");

    assertThat(configured(side, rules).apply(flatRecord)).isSameAs(flatRecord);
    assertThatThrownBy(() -> transform.apply(nestedRecord))
        .hasMessageEndingWith("field '`app.version`' is required but missing");
  }

  @ParameterizedTest
  @EnumSource(RecordSide.class)
  void refusesAStringItCannotLookInto(RecordSide side) {
    SinkRecord record = side.sinkRecord(Schema.STRING_SCHEMA, "{\"user_id\": \"u-42\"");

    assertThatThrownBy(() -> configured(side, EVENT_RULES).apply(record))
        .isInstanceOf(DataException.class)
        .hasMessageStartingWith(
            "ValidateFields: record " + side.word()
                + " is a string, not a Struct or Map, so it cannot be validated")
        .hasMessageNotContaining("u-42");
  }

  @ParameterizedTest
  @EnumSource(RecordSide.class)
  void refusesSchemalessBytes(RecordSide side) {
    SinkRecord record = side.sinkRecord(null, "u-42".getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> configured(side, EVENT_RULES).apply(record))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("record " + side.word() + " is bytes, not a Struct or Map");
  }

  @Test
  void leavesTheOtherSideAlone() {
    SinkRecord validValueBadKey = RecordSide.VALUE.sinkRecord(null, SubscriptionEvents.map());

    // The key is the string marker: the Value variant must not look at it.
    assertThat(configured(RecordSide.VALUE, EVENT_RULES).apply(validValueBadKey))
        .isSameAs(validValueBadKey);
    assertThatThrownBy(() -> configured(RecordSide.KEY, EVENT_RULES).apply(validValueBadKey))
        .hasMessageContaining("record key is a string");
  }
}
