package io.streametl.smt.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streametl.common.fieldpath.FieldPath;
import io.streametl.smt.RecordSide;
import io.streametl.smt.SubscriptionEvents;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class InsertMetadataTest {

  private static final Instant NOW = Instant.parse("2026-11-21T17:00:00.123Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final Map<String, String> NESTED =
      Map.of(
          "ingest.time.field", "_meta.ingested_at",
          "topic.field", "_meta.topic",
          "partition.field", "_meta.partition",
          "offset.field", "_meta.offset");

  private InsertMetadata<SinkRecord> transform;

  @AfterEach
  void close() {
    if (transform != null) {
      transform.close();
    }
  }

  private InsertMetadata<SinkRecord> configured(RecordSide side, Map<String, String> props) {
    transform =
        side.pick(() -> new InsertMetadata.Key<>(CLOCK), () -> new InsertMetadata.Value<>(CLOCK));
    transform.configure(props);
    return transform;
  }

  @ParameterizedTest
  @EnumSource(RecordSide.class)
  void addsWhereTheRecordCameFromToAStruct(RecordSide side) {
    SinkRecord record = side.sinkRecord(SubscriptionEvents.EVENT, SubscriptionEvents.struct());

    SinkRecord result = configured(side, Map.of()).apply(record);

    Struct data = (Struct) side.data(result);
    assertThat(data.get("_source_topic")).isEqualTo(RecordSide.ORIGINAL_TOPIC);
    assertThat(data.get("_source_partition")).isEqualTo(RecordSide.ORIGINAL_PARTITION);
    assertThat(data.get("_source_offset")).isEqualTo(RecordSide.ORIGINAL_OFFSET);
    assertThat(data.get("_ingested_at")).isEqualTo(Date.from(NOW));
    assertThat(data.get("user_id")).isEqualTo("u-42");
    assertThat(data.getStruct("device").get("os")).isEqualTo("ios");
    data.validate();
    assertThat(side.otherData(result)).isEqualTo(RecordSide.OTHER_SIDE);
    assertThat(result.topic()).isEqualTo(RecordSide.ROUTED_TOPIC);
    assertThat(result.headers().lastWithName("trace")).isNotNull();
  }

  @ParameterizedTest
  @EnumSource(RecordSide.class)
  void addsOptionalFieldsOfConnectTypesToTheSchema(RecordSide side) {
    SinkRecord record = side.sinkRecord(SubscriptionEvents.EVENT, SubscriptionEvents.struct());

    Schema schema = side.schema(configured(side, Map.of()).apply(record));

    assertThat(schema.name()).isEqualTo(SubscriptionEvents.EVENT.name());
    assertThat(schema.field("_ingested_at").schema())
        .isEqualTo(Timestamp.builder().optional().build());
    assertThat(schema.field("_source_topic").schema()).isEqualTo(Schema.OPTIONAL_STRING_SCHEMA);
    assertThat(schema.field("_source_partition").schema()).isEqualTo(Schema.OPTIONAL_INT32_SCHEMA);
    assertThat(schema.field("_source_offset").schema()).isEqualTo(Schema.OPTIONAL_INT64_SCHEMA);
    assertThat(schema.fields().subList(0, SubscriptionEvents.EVENT.fields().size()))
        .isEqualTo(SubscriptionEvents.EVENT.fields());
  }

  @ParameterizedTest
  @EnumSource(RecordSide.class)
  void derivesEachSchemaOnceAndReusesIt(RecordSide side) {
    InsertMetadata<SinkRecord> configured = configured(side, Map.of());
    SinkRecord first = side.sinkRecord(SubscriptionEvents.EVENT, SubscriptionEvents.struct());
    SinkRecord second = side.sinkRecord(SubscriptionEvents.EVENT, SubscriptionEvents.struct());
    Schema other = SchemaBuilder.struct().field("event_id", Schema.STRING_SCHEMA).build();

    Schema firstSchema = side.schema(configured.apply(first));
    Schema secondSchema = side.schema(configured.apply(second));
    Schema otherSchema =
        side.schema(configured.apply(side.sinkRecord(other, new Struct(other).put("event_id", "e"))));

    assertThat(secondSchema).isSameAs(firstSchema);
    assertThat(otherSchema).isNotSameAs(firstSchema);
    assertThat(otherSchema.field("event_id")).isNotNull();
  }

  @ParameterizedTest
  @EnumSource(RecordSide.class)
  void topLevelFieldsAreCopiedByAPlanAndNestedOnesTheGeneralWay(RecordSide side) {
    assertThat(configured(side, Map.of("static.fields", "pipeline:demo"))
        .copiesByPlan(SubscriptionEvents.EVENT)).isTrue();
    transform.close();
    assertThat(configured(side, NESTED).copiesByPlan(SubscriptionEvents.EVENT)).isFalse();
  }

  @ParameterizedTest
  @EnumSource(RecordSide.class)
  void recordsOfSchemasInTurnEachGetTheirOwnSchemaAndFields(RecordSide side) {
    InsertMetadata<SinkRecord> configured =
        configured(side, Map.of("partition.field", "", "static.fields", "pipeline:demo"));
    Schema other = SchemaBuilder.struct().field("_source_topic", Schema.OPTIONAL_STRING_SCHEMA)
        .field("event_id", Schema.STRING_SCHEMA).build();
    Map<Schema, Schema> derived = new HashMap<>();
    for (int i = 0; i < 6; i++) {
      boolean event = i % 2 == 0;
      Struct value = event ? SubscriptionEvents.struct()
          : new Struct(other).put("_source_topic", "stale").put("event_id", "e-" + i);
      SinkRecord result = configured.apply(side.sinkRecord(value.schema(), value));

      Struct data = (Struct) side.data(result);
      data.validate();
      assertThat(derived.computeIfAbsent(value.schema(), s -> data.schema())).isSameAs(data.schema());
      assertThat(data.get("_source_topic")).isEqualTo(RecordSide.ORIGINAL_TOPIC);
      assertThat(data.get("pipeline")).isEqualTo("demo");
      assertThat(data.schema().field("_source_partition")).isNull();
      assertThat(data.get(event ? "user_id" : "event_id")).isEqualTo(event ? "u-42" : "e-" + i);
      assertThat(data.schema().fields()).hasSize(value.schema().fields().size() + (event ? 4 : 3));
    }
  }

  @ParameterizedTest
  @EnumSource(RecordSide.class)
  void addsEntriesToAMapWithEpochMillisByDefault(RecordSide side) {
    Map<String, Object> event = SubscriptionEvents.map();
    SinkRecord record = side.sinkRecord(null, event);

    SinkRecord result = configured(side, Map.of()).apply(record);

    Map<?, ?> data = (Map<?, ?>) side.data(result);
    assertThat(data.get("_ingested_at")).isEqualTo(NOW.toEpochMilli());
    assertThat(data.get("_source_topic")).isEqualTo(RecordSide.ORIGINAL_TOPIC);
    assertThat(data.get("_source_partition")).isEqualTo(RecordSide.ORIGINAL_PARTITION);
    assertThat(data.get("_source_offset")).isEqualTo(RecordSide.ORIGINAL_OFFSET);
    assertThat(data.get("user_id")).isEqualTo("u-42");
    assertThat(side.schema(result)).isNull();
    assertThat(event).isEqualTo(SubscriptionEvents.map());
  }

  @ParameterizedTest
  @EnumSource(IngestTimeFormat.class)
  void writesTheIngestTimeInTheChosenFormatInMaps(IngestTimeFormat format) {
    SinkRecord record = RecordSide.VALUE.sinkRecord(null, SubscriptionEvents.map());
    Map<String, String> props = Map.of("ingest.time.format", format.configName());

    Object ingestedAt = ((Map<?, ?>) configured(RecordSide.VALUE, props).apply(record).value())
        .get("_ingested_at");

    Object expected =
        Map.of(
                IngestTimeFormat.EPOCH_MILLIS, (Object) 1_795_280_400_123L,
                IngestTimeFormat.ISO8601, "2026-11-21T17:00:00.123Z",
                IngestTimeFormat.TIMESTAMP, Date.from(NOW))
            .get(format);
    assertThat(ingestedAt).isEqualTo(expected);
  }

  @Test
  void alwaysUsesTheTimestampTypeInStructs() {
    SinkRecord record =
        RecordSide.VALUE.sinkRecord(SubscriptionEvents.EVENT, SubscriptionEvents.struct());

    Struct value =
        (Struct)
            configured(RecordSide.VALUE, Map.of("ingest.time.format", "iso8601"))
                .apply(record)
                .value();

    assertThat(value.get("_ingested_at")).isEqualTo(Date.from(NOW));
  }

  @ParameterizedTest
  @EnumSource(RecordSide.class)
  void writesNestedPathsIntoAStruct(RecordSide side) {
    SinkRecord record = side.sinkRecord(SubscriptionEvents.EVENT, SubscriptionEvents.struct());

    SinkRecord result = configured(side, NESTED).apply(record);

    Struct meta = ((Struct) side.data(result)).getStruct("_meta");
    assertThat(meta.schema().isOptional()).isTrue();
    assertThat(meta.schema().fields())
        .extracting(Field::name)
        .containsExactly("ingested_at", "topic", "partition", "offset");
    assertThat(meta.get("topic")).isEqualTo(RecordSide.ORIGINAL_TOPIC);
    assertThat(meta.get("offset")).isEqualTo(RecordSide.ORIGINAL_OFFSET);
    assertThat(side.schema(result).field("_source_topic")).isNull();
  }

  @ParameterizedTest
  @EnumSource(RecordSide.class)
  void writesNestedPathsIntoAMap(RecordSide side) {
    SinkRecord record = side.sinkRecord(null, SubscriptionEvents.map());

    Map<String, Object> data = asMap(side.data(configured(side, NESTED).apply(record)));

    assertThat(FieldPath.parse("_meta.partition").lookup(data).value())
        .isEqualTo(RecordSide.ORIGINAL_PARTITION);
    assertThat(FieldPath.parse("_meta.ingested_at").lookup(data).value())
        .isEqualTo(NOW.toEpochMilli());
    assertThat(data).doesNotContainKey("_source_topic");
  }

  @ParameterizedTest
  @EnumSource(RecordSide.class)
  void leavesOutDisabledFields(RecordSide side) {
    Map<String, String> onlyTopic =
        Map.of("ingest.time.field", "", "partition.field", "", "offset.field", "");

    SinkRecord structResult =
        configured(side, onlyTopic)
            .apply(side.sinkRecord(SubscriptionEvents.EVENT, SubscriptionEvents.struct()));
    SinkRecord mapResult = transform.apply(side.sinkRecord(null, SubscriptionEvents.map()));

    assertThat(side.schema(structResult).fields().size())
        .isEqualTo(SubscriptionEvents.EVENT.fields().size() + 1);
    assertThat(asMap(side.data(mapResult)))
        .containsKey("_source_topic")
        .doesNotContainKeys("_ingested_at", "_source_partition", "_source_offset");
  }

  @ParameterizedTest
  @EnumSource(RecordSide.class)
  void leavesPartitionAndOffsetNullForSourceRecords(RecordSide side) {
    InsertMetadata<SourceRecord> source =
        side.pick(() -> new InsertMetadata.Key<>(CLOCK), () -> new InsertMetadata.Value<>(CLOCK));
    source.configure(Map.of());
    SourceRecord record =
        side.sourceRecord("subscriptions", SubscriptionEvents.EVENT, SubscriptionEvents.struct());

    Struct data = (Struct) side.data(source.apply(record));
    Map<String, Object> mapData =
        asMap(side.data(source.apply(side.sourceRecord("subscriptions", null, new HashMap<>()))));
    source.close();

    assertThat(data.get("_source_topic")).isEqualTo("subscriptions");
    assertThat(data.get("_source_partition")).isNull();
    assertThat(data.get("_source_offset")).isNull();
    assertThat(mapData).containsEntry("_source_partition", null).containsEntry("_source_offset", null);
  }

  @ParameterizedTest
  @EnumSource(RecordSide.class)
  void passesTombstonesUnchanged(RecordSide side) {
    SinkRecord tombstone = side.sinkRecord(null, null);

    assertThat(configured(side, Map.of()).apply(tombstone)).isSameAs(tombstone);
  }

  @ParameterizedTest
  @EnumSource(RecordSide.class)
  void neverChangesTheIncomingStruct(RecordSide side) {
    Struct event = SubscriptionEvents.struct();

    configured(side, NESTED).apply(side.sinkRecord(SubscriptionEvents.EVENT, event));

    assertThat(event).isEqualTo(SubscriptionEvents.struct());
  }

  @ParameterizedTest
  @EnumSource(RecordSide.class)
  void refusesAScalarWithoutShowingIt(RecordSide side) {
    SinkRecord record = side.sinkRecord(null, "{\"user_id\":\"u-42\"");

    assertThatThrownBy(() -> configured(side, Map.of()).apply(record))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("InsertMetadata")
        .hasMessageNotContaining("u-42");
  }

  @ParameterizedTest
  @EnumSource(RecordSide.class)
  void refusesToWriteInsideAScalarField(RecordSide side) {
    SinkRecord record = side.sinkRecord(SubscriptionEvents.EVENT, SubscriptionEvents.struct());

    assertThatThrownBy(() -> configured(side, Map.of("topic.field", "user_id.topic")).apply(record))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("'user_id'")
        .hasMessageNotContaining("u-42");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object data) {
    return (Map<String, Object>) data;
  }
}
