package io.streametl.smt.predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streametl.smt.RecordSide;
import io.streametl.smt.SubscriptionEvents;
import java.math.BigDecimal;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FieldPredicatesTest {

  private static <P extends FieldPredicate<SinkRecord>> P configured(P predicate, Map<String, String> props) {
    predicate.configure(props);
    return predicate;
  }

  private static FieldPredicate<SinkRecord> equals(RecordSide side, String field, String value) {
    return configured(side.pick(FieldEquals.Key::new, FieldEquals.Value::new),
        Map.of("field", field, "value", value));
  }

  private static SinkRecord struct(RecordSide side) {
    return side.sinkRecord(SubscriptionEvents.EVENT, SubscriptionEvents.struct());
  }

  private static SinkRecord map(RecordSide side) {
    return side.sinkRecord(null, SubscriptionEvents.map());
  }

  @ParameterizedTest
  @EnumSource(RecordSide.class)
  void equalsComparesNestedFieldsOfStructsAndMaps(RecordSide side) {
    assertThat(equals(side, "device.os", "ios").test(struct(side))).isTrue();
    assertThat(equals(side, "device.os", "ios").test(map(side))).isTrue();
    assertThat(equals(side, "device.os", "IOS").test(map(side))).isFalse();
    assertThat(equals(side, "amount", "12.5").test(struct(side))).as("Decimal 12.50").isTrue();
    assertThat(equals(side, "amount", "12.5").test(map(side))).as("float64 12.5").isTrue();
    assertThat(equals(side, "device", "ios").test(map(side))).isFalse();
    assertThat(equals(side, "plan.x", "pro").test(map(side))).isFalse();
  }

  @ParameterizedTest
  @EnumSource(RecordSide.class)
  void matchesTestsTheWholeText(RecordSide side) {
    FieldPredicate<SinkRecord> predicate = configured(side.pick(FieldMatches.Key::new, FieldMatches.Value::new),
        Map.of("field", "event_id", "pattern", "e-[0-9]+"));
    FieldPredicate<SinkRecord> partial = configured(side.pick(FieldMatches.Key::new, FieldMatches.Value::new),
        Map.of("field", "event_id", "pattern", "[0-9]+"));

    assertThat(predicate.test(struct(side))).isTrue();
    assertThat(predicate.test(map(side))).isTrue();
    assertThat(partial.test(map(side))).isFalse();
  }

  @ParameterizedTest
  @EnumSource(RecordSide.class)
  void inTestsMembership(RecordSide side) {
    FieldPredicate<SinkRecord> predicate = configured(side.pick(FieldIn.Key::new, FieldIn.Value::new),
        Map.of("field", "region", "values", "eu-west,eu-central"));
    Map<String, Object> us = SubscriptionEvents.map();
    us.put("region", "us-east");

    assertThat(predicate.test(struct(side))).isTrue();
    assertThat(predicate.test(side.sinkRecord(null, us))).isFalse();
  }

  @ParameterizedTest
  @EnumSource(RecordSide.class)
  void existsSeesPresenceAndOptionallyNull(RecordSide side) {
    FieldPredicate<SinkRecord> exists = configured(side.pick(FieldExists.Key::new, FieldExists.Value::new),
        Map.of("field", "plan"));
    FieldPredicate<SinkRecord> notNull = configured(side.pick(FieldExists.Key::new, FieldExists.Value::new),
        Map.of("field", "plan", "null.counts", "false"));
    Map<String, Object> nullPlan = SubscriptionEvents.map();
    nullPlan.put("plan", null);
    Map<String, Object> noPlan = SubscriptionEvents.map();
    noPlan.remove("plan");

    assertThat(exists.test(struct(side))).isTrue();
    assertThat(exists.test(side.sinkRecord(null, nullPlan))).isTrue();
    assertThat(notNull.test(side.sinkRecord(null, nullPlan))).isFalse();
    assertThat(exists.test(side.sinkRecord(null, noPlan))).isFalse();
  }

  @ParameterizedTest
  @EnumSource(RecordSide.class)
  void isFalseForTombstonesAndValuesWithoutFields(RecordSide side) {
    FieldPredicate<SinkRecord> exists = configured(side.pick(FieldExists.Key::new, FieldExists.Value::new),
        Map.of("field", "plan"));

    assertThat(exists.test(side.sinkRecord(null, null))).isFalse();
    assertThat(exists.test(side.sinkRecord(Schema.STRING_SCHEMA, "plan"))).isFalse();
  }

  @Test
  void theValueVariantIgnoresTheKey() {
    Struct keyStruct = SubscriptionEvents.struct();
    SinkRecord record = new SinkRecord("t", 0, SubscriptionEvents.EVENT, keyStruct, Schema.STRING_SCHEMA, "v", 0L);

    assertThat(equals(RecordSide.VALUE, "device.os", "ios").test(record)).isFalse();
    assertThat(equals(RecordSide.KEY, "device.os", "ios").test(record)).isTrue();
  }

  @Test
  void comparesNumbersByValue() {
    Map<String, Object> event = SubscriptionEvents.map();
    event.put("amount", new BigDecimal("7.00"));

    assertThat(equals(RecordSide.VALUE, "amount", "7").test(RecordSide.VALUE.sinkRecord(null, event))).isTrue();
  }

  @Test
  void rejectsBadConfigsAtValidationAndConfiguration() {
    assertThat(FieldMatches.CONFIG_DEF.validate(Map.of("field", "a", "pattern", "(")).stream()
        .filter(v -> v.name().equals("pattern")).findFirst().orElseThrow().errorMessages())
        .singleElement().asString().contains("Unclosed group");
    assertThatThrownBy(() -> new FieldMatches.Value<SinkRecord>().configure(Map.of("field", "a", "pattern", "(")))
        .isInstanceOf(ConfigException.class);
    assertThatThrownBy(() -> new FieldEquals.Value<SinkRecord>().configure(Map.of("field", "a..b", "value", "x")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("empty field name");
    assertThatThrownBy(() -> new FieldIn.Value<SinkRecord>().configure(Map.of("field", "a", "values", "")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("at least one value");
  }
}
