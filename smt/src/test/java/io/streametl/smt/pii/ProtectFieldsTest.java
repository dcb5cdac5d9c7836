package io.streametl.smt.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streametl.common.fieldpath.FieldPath;
import io.streametl.smt.RecordSide;
import io.streametl.smt.SubscriptionEvents;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ProtectFieldsTest {

  private static final String KEY = "test-only-hmac-key-0123456789";
  private static final Map<String, String> HASH_AND_MASK = Map.of(
      "hash.fields", "user_id,amount",
      "hash.key", KEY,
      "mask.fields", "device.app_version",
      "mask.keep.last", "2");

  private static ProtectFields<SinkRecord> configured(RecordSide side, Map<String, String> props) {
    ProtectFields<SinkRecord> transform = side.pick(ProtectFields.Key::new, ProtectFields.Value::new);
    transform.configure(props);
    return transform;
  }

  private static String hmac(String text) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
  }

  @ParameterizedTest
  @EnumSource(RecordSide.class)
  void hashesAndMasksStructFieldsIncludingNestedOnes(RecordSide side) throws Exception {
    ProtectFields<SinkRecord> transform = configured(side, HASH_AND_MASK);

    SinkRecord result = transform.apply(side.sinkRecord(SubscriptionEvents.EVENT, SubscriptionEvents.struct()));
    SinkRecord again = transform.apply(side.sinkRecord(SubscriptionEvents.EVENT, SubscriptionEvents.struct()));

    Struct data = (Struct) side.data(result);
    assertThat(data.get("user_id")).isEqualTo(hmac("u-42"));
    assertThat(data.get("amount")).as("numbers are hashed by value").isEqualTo(hmac("12.5"));
    assertThat(data.getStruct("device").get("app_version")).isEqualTo("****.0");
    assertThat(data.get("event_id")).isEqualTo("e-1001");
    assertThat(side.schema(result).field("amount").schema()).isEqualTo(Schema.OPTIONAL_STRING_SCHEMA);
    assertThat(side.schema(result).field("user_id").schema()).as("strings keep their schema")
        .isEqualTo(Schema.STRING_SCHEMA);
    assertThat(side.schema(again)).isSameAs(side.schema(result));
    assertThat(((Struct) side.data(again)).get("user_id")).isEqualTo(data.get("user_id"));
  }

  @ParameterizedTest
  @EnumSource(RecordSide.class)
  void hashesMapsTheSameWayAsStructs(RecordSide side) throws Exception {
    Map<?, ?> data = (Map<?, ?>) side.data(configured(side, HASH_AND_MASK)
        .apply(side.sinkRecord(null, SubscriptionEvents.map())));

    assertThat(data.get("user_id")).isEqualTo(hmac("u-42"));
    assertThat(data.get("amount")).isEqualTo(hmac("12.5"));
    assertThat(FieldPath.parse("device.app_version").lookup(data).value()).isEqualTo("****.0");
  }

  @Test
  void masksShortStringsEntirelyAndLeavesNullsAndAbsentFields() {
    Map<String, Object> event = new HashMap<>(Map.of("code", "ab"));
    event.put("user_id", null);
    Map<String, String> props = Map.of("mask.fields", "code,missing", "mask.keep.last", "2",
        "hash.fields", "user_id", "hash.key", KEY);

    Map<?, ?> data = (Map<?, ?>) configured(RecordSide.VALUE, props)
        .apply(RecordSide.VALUE.sinkRecord(null, event)).value();

    assertThat(data.get("code")).isEqualTo("****");
    assertThat(data.containsKey("user_id")).isTrue();
    assertThat(data.get("user_id")).isNull();
    assertThat(data.containsKey("missing")).isFalse();
  }

  @ParameterizedTest
  @EnumSource(RecordSide.class)
  void refusesToMaskOrHashWhatItCannotWithoutShowingIt(RecordSide side) {
    SinkRecord record = side.sinkRecord(null, SubscriptionEvents.map());

    assertThatThrownBy(() -> configured(side, Map.of("mask.fields", "amount")).apply(record))
        .isInstanceOf(DataException.class)
        .hasMessage("ProtectFields: field 'amount' must be a string to be masked but is a float64");
    assertThatThrownBy(() -> configured(side, Map.of("hash.fields", "device", "hash.key", KEY)).apply(record))
        .isInstanceOf(DataException.class)
        .hasMessage("ProtectFields: field 'device' must be a string, number, boolean or bytes to be"
            + " hashed but is a map");
  }

  @Test
  void needsALongEnoughKeyToHash() {
    assertThatThrownBy(() -> configured(RecordSide.VALUE, Map.of("hash.fields", "user_id")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("at least 16 characters");
    assertThatThrownBy(() -> configured(RecordSide.VALUE, Map.of("hash.fields", "user_id", "hash.key", "short")))
        .isInstanceOf(ConfigException.class)
        .hasMessageNotContaining("short");
  }

  @Test
  void neverShowsTheKey() {
    assertThat(ProtectFields.CONFIG_DEF.configKeys().get("hash.key").type)
        .isEqualTo(org.apache.kafka.common.config.ConfigDef.Type.PASSWORD);
    assertThat(ProtectFields.CONFIG_DEF.validate(Map.of("hash.key", KEY)).toString()).doesNotContain(KEY);
  }

  @Test
  void refusesCollidingOrEmptyConfigs() {
    assertThatThrownBy(() -> configured(RecordSide.VALUE, Map.of()))
        .hasMessageContaining("nothing to protect");
    assertThatThrownBy(() -> configured(RecordSide.VALUE,
            Map.of("hash.fields", "device", "mask.fields", "device.os", "hash.key", KEY)))
        .hasMessageContaining("collides with the hashed field 'device'");
  }

  @ParameterizedTest
  @EnumSource(RecordSide.class)
  void tombstonesAndRecordsWithoutTheFieldsPass(RecordSide side) {
    SinkRecord tombstone = side.sinkRecord(null, null);
    SinkRecord unrelated = side.sinkRecord(null, new HashMap<>(Map.of("x", List.of())));

    assertThat(configured(side, HASH_AND_MASK).apply(tombstone)).isSameAs(tombstone);
    assertThat(configured(side, HASH_AND_MASK).apply(unrelated)).isSameAs(unrelated);
  }
}
