package io.streametl.smt.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streametl.common.fieldpath.FieldPath;
import io.streametl.smt.RecordSide;
import io.streametl.smt.SubscriptionEvents;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DeriveEventIdTest {

  private static final String FIELDS = "user_id,event_type,amount,device.os";
  /**
   * Pinned: the id of the sample event over {@link #FIELDS}. If this test fails, a change altered
   * the ids users already store; that must never happen within encoding version 1.
   */
  private static final String GOLDEN_HEX = "8c550b375292ecf329293131392f86b0";
  private static final String GOLDEN_UUID = "8c550b37-5292-8cf3-a929-3131392f86b0";

  private static DeriveEventId<SinkRecord> configured(RecordSide side, Map<String, String> props) {
    DeriveEventId<SinkRecord> transform = side.pick(DeriveEventId.Key::new, DeriveEventId.Value::new);
    transform.configure(props);
    return transform;
  }

  @ParameterizedTest
  @EnumSource(RecordSide.class)
  void theIdOfAStructIsPinned(RecordSide side) {
    SinkRecord result = configured(side, Map.of("fields", FIELDS))
        .apply(side.sinkRecord(SubscriptionEvents.EVENT, SubscriptionEvents.struct()));

    assertThat(((Struct) side.data(result)).get("_event_id")).isEqualTo(GOLDEN_HEX);
    assertThat(side.schema(result).field("_event_id").schema()).isEqualTo(Schema.OPTIONAL_STRING_SCHEMA);
  }

  @ParameterizedTest
  @EnumSource(RecordSide.class)
  void aMapWithTheSameValuesGetsTheSameId(RecordSide side) {
    // The Map form has amount as float64 12.5, the Struct form as Decimal 12.50: same number.
    SinkRecord result = configured(side, Map.of("fields", FIELDS))
        .apply(side.sinkRecord(null, SubscriptionEvents.map()));

    assertThat(((Map<?, ?>) side.data(result)).get("_event_id")).isEqualTo(GOLDEN_HEX);
  }

  @Test
  void theIdIsTheDocumentedHashOfTheDocumentedEncoding() throws Exception {
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    expected.write(1); // version
    string(expected, 0x04, "u-42");
    string(expected, 0x04, "subscribed");
    string(expected, 0x03, "12.5");
    string(expected, 0x04, "ios");
    byte[] hash = MessageDigest.getInstance("SHA-256").digest(expected.toByteArray());

    assertThat(HexFormat.of().formatHex(Arrays.copyOf(hash, 16))).isEqualTo(GOLDEN_HEX);
  }

  private static void string(ByteArrayOutputStream out, int tag, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    out.write(tag);
    out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
    out.writeBytes(bytes);
  }

  @Test
  void writesTheSameBitsAsAVersion8Uuid() {
    SinkRecord result = configured(RecordSide.VALUE, Map.of("fields", FIELDS, "id.format", "uuid"))
        .apply(RecordSide.VALUE.sinkRecord(SubscriptionEvents.EVENT, SubscriptionEvents.struct()));

    String uuid = (String) ((Struct) result.value()).get("_event_id");
    assertThat(uuid).isEqualTo(GOLDEN_UUID);
    assertThat(java.util.UUID.fromString(uuid).version()).isEqualTo(8);
    assertThat(java.util.UUID.fromString(uuid).variant()).isEqualTo(2);
  }

  @Test
  void setsTheIdAsTheKeyWithAStringSchema() {
    SinkRecord record = RecordSide.VALUE.sinkRecord(SubscriptionEvents.EVENT, SubscriptionEvents.struct());

    SinkRecord result = configured(RecordSide.VALUE, Map.of("fields", FIELDS, "id.to.key", "true", "id.field", ""))
        .apply(record);

    assertThat(result.key()).isEqualTo(GOLDEN_HEX);
    assertThat(result.keySchema()).isEqualTo(Schema.STRING_SCHEMA);
    assertThat(result.value()).isSameAs(record.value());
    assertThat(result.originalKafkaOffset()).isEqualTo(RecordSide.ORIGINAL_OFFSET);
  }

  @ParameterizedTest
  @EnumSource(RecordSide.class)
  void writesANestedIdFieldAndCachesTheSchema(RecordSide side) {
    DeriveEventId<SinkRecord> transform = configured(side, Map.of("fields", FIELDS, "id.field", "_meta.id"));

    SinkRecord first = transform.apply(side.sinkRecord(SubscriptionEvents.EVENT, SubscriptionEvents.struct()));
    SinkRecord second = transform.apply(side.sinkRecord(SubscriptionEvents.EVENT,
        SubscriptionEvents.struct().put("user_id", "u-43")));

    assertThat(((Struct) side.data(first)).getStruct("_meta").get("id")).isEqualTo(GOLDEN_HEX);
    assertThat(((Struct) side.data(second)).getStruct("_meta").get("id")).isNotEqualTo(GOLDEN_HEX);
    assertThat(side.schema(second)).isSameAs(side.schema(first));
  }

  @Test
  void anAbsentFieldAndANullFieldGiveDifferentIds() {
    Map<String, Object> withNull = SubscriptionEvents.map();
    withNull.put("plan", null);
    Map<String, Object> without = SubscriptionEvents.map();
    without.remove("plan");
    DeriveEventId<SinkRecord> transform = configured(RecordSide.VALUE, Map.of("fields", "plan"));

    Object nullId = ((Map<?, ?>) transform.apply(RecordSide.VALUE.sinkRecord(null, withNull)).value()).get("_event_id");
    Object absentId = ((Map<?, ?>) transform.apply(RecordSide.VALUE.sinkRecord(null, without)).value()).get("_event_id");

    assertThat(nullId).isNotEqualTo(absentId);
  }

  @Test
  void refusesConfigsWhereTheIdGoesNowhereOrReplacesItsOwnSource() {
    assertThatThrownBy(() -> configured(RecordSide.VALUE, Map.of("fields", "a", "id.field", "")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("the id goes nowhere");
    assertThatThrownBy(() -> configured(RecordSide.KEY, Map.of("fields", "a", "id.to.key", "true")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("Key variant");
    assertThatThrownBy(() -> configured(RecordSide.VALUE, Map.of("fields", "")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("at least one field");
  }

  @ParameterizedTest
  @EnumSource(RecordSide.class)
  void tombstonesPass(RecordSide side) {
    SinkRecord tombstone = side.sinkRecord(null, null);

    assertThat(configured(side, Map.of("fields", FIELDS)).apply(tombstone)).isSameAs(tombstone);
  }

  @Test
  void readsBacktickQuotedNames() {
    Map<String, Object> event = SubscriptionEvents.map();
    event.put("app.version", "5.1.0");

    Object id = ((Map<?, ?>) configured(RecordSide.VALUE, Map.of("fields", "`app.version`"))
        .apply(RecordSide.VALUE.sinkRecord(null, event)).value()).get("_event_id");
    Object nested = ((Map<?, ?>) configured(RecordSide.VALUE, Map.of("fields", "device.app_version"))
        .apply(RecordSide.VALUE.sinkRecord(null, event)).value()).get("_event_id");

    assertThat(id).isEqualTo(nested);
    assertThat(FieldPath.parse("`app.version`").segments()).containsExactly("app.version");
  }
}
