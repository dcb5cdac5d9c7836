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
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** InsertMetadata's static fields. */
class StaticFieldsTest {

  private static final Map<String, String> ONLY_STATIC = Map.of(
      "ingest.time.field", "", "topic.field", "", "partition.field", "", "offset.field", "",
      "static.fields", "_meta.pipeline:orders-v2,_meta.url:http://x:8080,env:");

  private static InsertMetadata<SinkRecord> configured(RecordSide side, Map<String, String> props) {
    InsertMetadata<SinkRecord> transform = side.pick(InsertMetadata.Key::new, InsertMetadata.Value::new);
    transform.configure(props);
    return transform;
  }

  @ParameterizedTest
  @EnumSource(RecordSide.class)
  void addsStaticStringsToStructsAsOptionalStrings(RecordSide side) {
    SinkRecord result = configured(side, ONLY_STATIC)
        .apply(side.sinkRecord(SubscriptionEvents.EVENT, SubscriptionEvents.struct()));

    Struct data = (Struct) side.data(result);
    assertThat(data.getStruct("_meta").get("pipeline")).isEqualTo("orders-v2");
    assertThat(data.getStruct("_meta").get("url")).isEqualTo("http://x:8080");
    assertThat(data.get("env")).isEqualTo("");
    assertThat(side.schema(result).field("env").schema()).isEqualTo(Schema.OPTIONAL_STRING_SCHEMA);
    assertThat(side.schema(result).field("_source_topic")).isNull();
  }

  @ParameterizedTest
  @EnumSource(RecordSide.class)
  void addsStaticStringsToMapsNextToMetadata(RecordSide side) {
    SinkRecord result = configured(side, Map.of("static.fields", "_meta.pipeline:orders-v2"))
        .apply(side.sinkRecord(null, SubscriptionEvents.map()));

    Map<?, ?> data = (Map<?, ?>) side.data(result);
    assertThat(FieldPath.parse("_meta.pipeline").lookup(data).value()).isEqualTo("orders-v2");
    assertThat(data.get("_source_topic")).isEqualTo(RecordSide.ORIGINAL_TOPIC);
  }

  @Test
  void refusesStaticFieldsThatCollide() {
    assertThatThrownBy(() -> new InsertMetadataConfig(Map.of("static.fields", "_source_topic.x:1")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("collides with topic.field='_source_topic'");
    assertThatThrownBy(() -> new InsertMetadataConfig(Map.of("static.fields", "a:1,a.b:2")))
        .hasMessageContaining("collides with the static field 'a'");
  }

  @Test
  void validationAndConfigureRejectAnEntryWithoutValue() {
    Map<String, String> props = Map.of("static.fields", "pipeline");

    assertThat(InsertMetadata.CONFIG_DEF.validate(props).stream()
        .filter(v -> v.name().equals("static.fields")).findFirst().orElseThrow().errorMessages())
        .singleElement().asString().contains("expected path:text");
    assertThatThrownBy(() -> new InsertMetadataConfig(props)).hasMessageContaining("expected path:text");
  }
}
