package io.streametl.smt.validate;

import static io.streametl.smt.failure.ErrorTopicFixture.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streametl.common.fieldpath.FieldPath;
import io.streametl.smt.RecordSide;
import io.streametl.smt.SubscriptionEvents;
import io.streametl.smt.failure.ErrorTopicFixture;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The new rule kinds through the transform, and every failure policy, for key and value. */
class ValidateFieldsPoliciesTest {

  private static final Map<String, String> RULES = Map.of(
      "fields.not.null", "plan",
      "fields.range", "amount:0..100",
      "fields.regex", "event_id:e-[0-9]+",
      "fields.enum", "device.os:ios|android",
      "fields.max.length", "user_id:8");

  private final ErrorTopicFixture errors = ErrorTopicFixture.acknowledging();
  private ValidateFields<SinkRecord> transform;

  @AfterEach
  void close() {
    if (transform != null) {
      transform.close();
    }
  }

  private ValidateFields<SinkRecord> configured(RecordSide side, Map<String, String> props) {
    transform = side.pick(
        () -> new ValidateFields.Key<>(errors.factory()),
        () -> new ValidateFields.Value<>(errors.factory()));
    transform.configure(props);
    return transform;
  }

  private static Struct brokenStruct() {
    Struct event = SubscriptionEvents.struct()
        .put("plan", null)
        .put("amount", new java.math.BigDecimal("120.00"))
        .put("event_id", "x-1");
    event.getStruct("device").put("os", "windows");
    return event;
  }

  private static Map<String, Object> brokenMap() {
    Map<String, Object> event = SubscriptionEvents.map();
    event.put("plan", null);
    event.put("amount", 120.0);
    event.put("event_id", "x-1");
    event.put("user_id", "u-123456789");
    return event;
  }

  @ParameterizedTest
  @EnumSource(RecordSide.class)
  void passesValidStructsAndMaps(RecordSide side) {
    SinkRecord struct = side.sinkRecord(SubscriptionEvents.EVENT, SubscriptionEvents.struct());
    SinkRecord map = side.sinkRecord(null, SubscriptionEvents.map());

    assertThat(configured(side, RULES).apply(struct)).isSameAs(struct);
    assertThat(transform.apply(map)).isSameAs(map);
  }

  @ParameterizedTest
  @EnumSource(RecordSide.class)
  void failNamesEveryBrokenRuleOfAStructWithoutItsData(RecordSide side) {
    SinkRecord record = side.sinkRecord(SubscriptionEvents.EVENT, brokenStruct());

    assertThatThrownBy(() -> configured(side, RULES).apply(record))
        .isInstanceOf(DataException.class)
        .hasMessage("ValidateFields: record " + side.word() + " failed 4 rules: field 'plan' must"
            + " not be null; field 'amount' must be between 0 and 100 but is greater; field"
            + " 'event_id' must match e-[0-9]+; field 'device.os' must be one of ios, android")
        .hasMessageNotContaining("windows")
        .hasMessageNotContaining("x-1");
  }

  @ParameterizedTest
  @EnumSource(RecordSide.class)
  void failNamesEveryBrokenRuleOfAMap(RecordSide side) {
    SinkRecord record = side.sinkRecord(null, brokenMap());

    assertThatThrownBy(() -> configured(side, RULES).apply(record))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("failed 4 rules")
        .hasMessageContaining("field 'user_id' must be at most 8 characters long but is longer")
        .hasMessageNotContaining("u-123456789");
  }

  @ParameterizedTest
  @EnumSource(RecordSide.class)
  void errorTopicReceivesTheRecordWithTheReasonsAndTheChainDropsIt(RecordSide side) {
    SinkRecord record = side.sinkRecord(null, brokenMap());

    SinkRecord result = configured(side, ErrorTopicFixture.errorTopicPolicy(RULES)).apply(record);

    assertThat(result).isNull();
    assertThat(errors.sent()).singleElement().satisfies(sent -> {
      assertThat(header(sent, "streametl.error.reason"))
          .startsWith("field 'plan' must not be null; field 'amount' must be between 0 and 100");
      assertThat(header(sent, "streametl.error.transform"))
          .isEqualTo(transform.getClass().getName());
      assertThat(header(sent, "streametl.error.offset")).isEqualTo("42");
      byte[] checked = side == RecordSide.KEY ? sent.key() : sent.value();
      assertThat(ErrorTopicFixture.text(checked)).contains("\"event_id\":\"x-1\"");
    });
  }

  @ParameterizedTest
  @EnumSource(RecordSide.class)
  void errorTopicLeavesValidRecordsAlone(RecordSide side) {
    SinkRecord record = side.sinkRecord(SubscriptionEvents.EVENT, SubscriptionEvents.struct());

    assertThat(configured(side, ErrorTopicFixture.errorTopicPolicy(RULES)).apply(record)).isSameAs(record);
    assertThat(errors.sent()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(RecordSide.class)
  void dropDropsAndCounts(RecordSide side) {
    ValidateFields<SinkRecord> dropping = configured(side, ErrorTopicFixture.policy(RULES, "drop"));

    assertThat(dropping.apply(side.sinkRecord(SubscriptionEvents.EVENT, brokenStruct()))).isNull();
    assertThat(dropping.apply(side.sinkRecord(null, brokenMap()))).isNull();
    assertThat(dropping.apply(side.sinkRecord(null, SubscriptionEvents.map()))).isNotNull();

    assertThat(dropping.droppedCount()).isEqualTo(2);
    assertThat(errors.sent()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(RecordSide.class)
  void tombstonesFailOnlyWhenConfigured(RecordSide side) {
    SinkRecord tombstone = side.sinkRecord(null, null);
    Map<String, String> failTombstones = new HashMap<>(RULES);
    failTombstones.put("on.tombstone", "fail");

    assertThat(configured(side, RULES).apply(tombstone)).isSameAs(tombstone);
    assertThatThrownBy(() -> configured(side, failTombstones).apply(tombstone))
        .isInstanceOf(DataException.class)
        .hasMessage("ValidateFields: record " + side.word() + " failed 1 rule: record "
            + side.word() + " is null (a tombstone)");
  }

  @ParameterizedTest
  @EnumSource(RecordSide.class)
  @SuppressWarnings("unchecked")
  void readsNestedPathsInMaps(RecordSide side) {
    Map<String, Object> event = SubscriptionEvents.map();
    ((Map<String, Object>) FieldPath.parse("device").lookup(event).value()).put("os", "beos");

    assertThatThrownBy(() -> configured(side, RULES).apply(side.sinkRecord(null, event)))
        .hasMessageEndingWith("failed 1 rule: field 'device.os' must be one of ios, android");
  }
}
