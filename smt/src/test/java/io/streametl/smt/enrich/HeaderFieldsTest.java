package io.streametl.smt.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streametl.common.fieldpath.FieldPath;
import io.streametl.smt.RecordSide;
import io.streametl.smt.SubscriptionEvents;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** HeaderToField and FieldToHeader. */
class HeaderFieldsTest {

  private static HeaderToField<SinkRecord> headerToField(RecordSide side, String mappings) {
    HeaderToField<SinkRecord> transform = side.pick(HeaderToField.Key::new, HeaderToField.Value::new);
    transform.configure(Map.of("header.mappings", mappings));
    return transform;
  }

  private static FieldToHeader<SinkRecord> fieldToHeader(RecordSide side, Map<String, String> props) {
    FieldToHeader<SinkRecord> transform = side.pick(FieldToHeader.Key::new, FieldToHeader.Value::new);
    transform.configure(props);
    return transform;
  }

  private static SinkRecord withHeaders(SinkRecord record) {
    record.headers().addInt("attempt", 3).addString("tenant", "acme");
    return record;
  }

  @ParameterizedTest
  @EnumSource(RecordSide.class)
  void copiesHeadersIntoNestedStructFieldsAsStrings(RecordSide side) {
    HeaderToField<SinkRecord> transform = headerToField(side, "trace:_meta.trace,attempt:_meta.attempt,missing:_meta.none");
    SinkRecord record = withHeaders(side.sinkRecord(SubscriptionEvents.EVENT, SubscriptionEvents.struct()));

    SinkRecord first = transform.apply(record);
    SinkRecord second = transform.apply(withHeaders(side.sinkRecord(SubscriptionEvents.EVENT, SubscriptionEvents.struct())));

    Struct meta = ((Struct) side.data(first)).getStruct("_meta");
    assertThat(meta.get("trace")).isEqualTo("t-1");
    assertThat(meta.get("attempt")).isEqualTo("3");
    assertThat(meta.get("none")).isNull();
    assertThat(meta.schema().field("attempt").schema()).isEqualTo(Schema.OPTIONAL_STRING_SCHEMA);
    assertThat(side.schema(second)).isSameAs(side.schema(first));
    assertThat(side.otherData(first)).isEqualTo(RecordSide.OTHER_SIDE);
  }

  @ParameterizedTest
  @EnumSource(RecordSide.class)
  void copiesHeadersIntoMaps(RecordSide side) {
    SinkRecord result = headerToField(side, "tenant:tenant_id,trace:device.trace")
        .apply(withHeaders(side.sinkRecord(null, SubscriptionEvents.map())));

    Map<?, ?> data = (Map<?, ?>) side.data(result);
    assertThat(data.get("tenant_id")).isEqualTo("acme");
    assertThat(FieldPath.parse("device.trace").lookup(data).value()).isEqualTo("t-1");
    assertThat(FieldPath.parse("device.os").lookup(data).value()).isEqualTo("ios");
  }

  @Test
  void headerToFieldRejectsCollidingFields() {
    assertThatThrownBy(() -> headerToField(RecordSide.VALUE, "a:meta,b:meta.b"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("collides with 'meta'");
  }

  @ParameterizedTest
  @EnumSource(RecordSide.class)
  void copiesNestedStructFieldsIntoHeadersWithTheirSchema(RecordSide side) {
    SinkRecord record = side.sinkRecord(SubscriptionEvents.EVENT, SubscriptionEvents.struct());

    SinkRecord result = fieldToHeader(side, Map.of("field.mappings", "device.os:x-os,amount:x-amount,plan.x:x-none"))
        .apply(record);

    Header os = result.headers().lastWithName("x-os");
    assertThat(os.value()).isEqualTo("ios");
    assertThat(os.schema()).isEqualTo(Schema.OPTIONAL_STRING_SCHEMA);
    assertThat(result.headers().lastWithName("x-amount").schema())
        .isEqualTo(SubscriptionEvents.EVENT.field("amount").schema());
    assertThat(result.headers().lastWithName("x-none")).isNull();
    assertThat(side.data(result)).isSameAs(side.data(record));
    assertThat(record.headers().lastWithName("x-os")).as("the input's headers are not changed").isNull();
  }

  @ParameterizedTest
  @EnumSource(RecordSide.class)
  void copiesMapFieldsIntoHeadersReplacingOrAppending(RecordSide side) {
    SinkRecord record = side.sinkRecord(null, SubscriptionEvents.map());

    SinkRecord replaced = fieldToHeader(side, Map.of("field.mappings", "device.os:trace")).apply(record);
    SinkRecord appended = fieldToHeader(side, Map.of("field.mappings", "device.os:trace", "header.replace", "false"))
        .apply(record);

    assertThat(replaced.headers().allWithName("trace")).toIterable().extracting(Header::value).containsExactly("ios");
    assertThat(appended.headers().allWithName("trace")).toIterable().extracting(Header::value).containsExactly("t-1", "ios");
    assertThat(replaced.headers().lastWithName("trace").schema()).isEqualTo(Schema.STRING_SCHEMA);
  }

  @Test
  void fieldToHeaderRejectsEntriesWithoutHeader() {
    assertThatThrownBy(() -> fieldToHeader(RecordSide.VALUE, Map.of("field.mappings", "device.os:")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("expected path:header");
  }

  @ParameterizedTest
  @EnumSource(RecordSide.class)
  void tombstonesPass(RecordSide side) {
    SinkRecord tombstone = side.sinkRecord(null, null);

    assertThat(headerToField(side, "trace:t").apply(tombstone)).isSameAs(tombstone);
    assertThat(fieldToHeader(side, Map.of("field.mappings", "a:b")).apply(tombstone)).isSameAs(tombstone);
  }
}
