package io.streametl.sink.iceberg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.Schema;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.types.Types;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

class RecordConverterTest {

  private static final Schema TABLE = new Schema(
      Types.NestedField.optional(1, "event_id", Types.StringType.get()),
      Types.NestedField.optional(2, "amount", Types.DecimalType.of(38, 2)),
      Types.NestedField.optional(3, "event_time", Types.TimestampType.withZone()),
      Types.NestedField.optional(4, "count", Types.LongType.get()),
      Types.NestedField.optional(5, "device", Types.StructType.of(
          Types.NestedField.optional(6, "os", Types.StringType.get()))),
      Types.NestedField.optional(7, "tags", Types.ListType.ofOptional(8, Types.StringType.get())));

  private final RecordConverter converter = new RecordConverter(TABLE);

  @Test
  void convertsASchemalessMapWithWideningConversions() {
    Map<String, Object> value = new HashMap<>();
    value.put("event_id", "e1");
    value.put("amount", 12.3);                           // JSON double into decimal(38,2)
    value.put("event_time", "2026-11-21T10:15:30.123Z"); // ISO text into timestamptz
    value.put("count", 7);                               // int into long
    value.put("device", Map.of("os", "ios"));
    value.put("tags", List.of("a", "b"));

    Record row = converter.convert(value);

    assertThat(row.getField("amount")).isEqualTo(new BigDecimal("12.30"));
    assertThat(row.getField("event_time"))
        .isEqualTo(OffsetDateTime.of(2026, 11, 21, 10, 15, 30, 123_000_000, ZoneOffset.UTC));
    assertThat(row.getField("count")).isEqualTo(7L);
    assertThat(((Record) row.getField("device")).getField("os")).isEqualTo("ios");
    assertThat(row.getField("tags")).isEqualTo(List.of("a", "b"));
  }

  @Test
  void convertsAStructWithLogicalTypes() {
    org.apache.kafka.connect.data.Schema schema = SchemaBuilder.struct()
        .field("event_id", org.apache.kafka.connect.data.Schema.STRING_SCHEMA)
        .field("amount", Decimal.schema(2))
        .field("event_time", Timestamp.SCHEMA)
        .build();
    Struct value = new Struct(schema).put("event_id", "e2").put("amount", new BigDecimal("5.00"))
        .put("event_time", new Date(0));

    Record row = converter.convert(value);

    assertThat(row.getField("event_id")).isEqualTo("e2");
    assertThat(row.getField("event_time")).isEqualTo(OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
    assertThat(row.getField("count")).isNull();
  }

  @Test
  void aTypeMismatchNamesTheColumnAndTheExpectationButNotTheValue() {
    Map<String, Object> value = Map.of("event_id", "e3", "amount", "12,50 EUR");

    assertThatThrownBy(() -> converter.convert(value))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("'amount'")
        .hasMessageContaining("decimal")
        .hasMessageNotContaining("12,50");
  }

  @Test
  void aNestedMismatchNamesTheNestedPath() {
    Map<String, Object> value = Map.of("device", Map.of("os", 42L));

    assertThatThrownBy(() -> converter.convert(value))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("'device.os'");
  }

  @Test
  void tooManyDecimalPlacesAreRejectedRatherThanRounded() {
    assertThatThrownBy(() -> converter.convert(Map.of("amount", new BigDecimal("1.234"))))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("more than 2 decimal places");
  }

  @Test
  void fieldsWithoutAColumnAreRejectedNotDropped() {
    assertThatThrownBy(() -> converter.convert(Map.of("event_id", "e4", "surprise", "x")))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("surprise");
  }

  @Test
  void aValueThatIsNotARecordIsRejected() {
    assertThatThrownBy(() -> converter.convert("{\"event_id\": \"qzx"))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("String, not a Struct or Map")
        .hasMessageNotContaining("qzx");
  }

  @Test
  void requiredColumnsMustHaveAValue() {
    RecordConverter strict = new RecordConverter(new Schema(
        Types.NestedField.required(1, "event_id", Types.StringType.get())));

    assertThatThrownBy(() -> strict.convert(Map.of()))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("'event_id' is required");
  }

  @Test
  void aSchemaChangeMidStreamIsSeenAtOnceWhateverWasConvertedBefore() {
    org.apache.kafka.connect.data.Schema v1 = SchemaBuilder.struct()
        .field("event_id", org.apache.kafka.connect.data.Schema.STRING_SCHEMA)
        .field("count", org.apache.kafka.connect.data.Schema.INT32_SCHEMA)
        .build();
    org.apache.kafka.connect.data.Schema v2 = SchemaBuilder.struct()
        .field("count", org.apache.kafka.connect.data.Schema.INT64_SCHEMA)
        .field("surprise", org.apache.kafka.connect.data.Schema.OPTIONAL_STRING_SCHEMA)
        .field("event_id", org.apache.kafka.connect.data.Schema.STRING_SCHEMA)
        .build();

    for (int round = 0; round < 3; round++) {
      Record first = converter.convert(new Struct(v1).put("event_id", "a").put("count", 1));
      Record second = converter.convert(new Struct(v2).put("event_id", "b").put("count", 2L));
      assertThatThrownBy(() -> converter.convert(new Struct(v2).put("event_id", "c").put("count", 3L)
          .put("surprise", "x")))
          .isInstanceOf(SchemaMismatchException.class)
          .hasMessageContaining("[surprise]");

      assertThat(first.getField("event_id")).isEqualTo("a");
      assertThat(first.getField("count")).isEqualTo(1L);
      assertThat(second.getField("event_id")).isEqualTo("b");
      assertThat(second.getField("count")).isEqualTo(2L);
      assertThat(second.getField("amount")).isNull();
    }
  }

  @Test
  void rowsOfOneSchemaAreIndependentOfEachOther() {
    org.apache.kafka.connect.data.Schema schema = SchemaBuilder.struct()
        .field("event_id", org.apache.kafka.connect.data.Schema.OPTIONAL_STRING_SCHEMA)
        .field("count", org.apache.kafka.connect.data.Schema.OPTIONAL_INT64_SCHEMA)
        .build();

    Record full = converter.convert(new Struct(schema).put("event_id", "a").put("count", 1L));
    Record partial = converter.convert(new Struct(schema).put("event_id", "b"));

    assertThat(full.getField("count")).isEqualTo(1L);
    assertThat(partial.getField("count")).isNull();
    assertThat(partial.getField("event_id")).isEqualTo("b");
  }

  @Test
  void nestedStructsInListsAndStructsKeepTheirPathsInMessages() {
    Schema table = new Schema(
        Types.NestedField.optional(1, "items", Types.ListType.ofOptional(2, Types.StructType.of(
            Types.NestedField.optional(3, "qty", Types.LongType.get())))),
        Types.NestedField.optional(4, "device", Types.StructType.of(
            Types.NestedField.optional(5, "os", Types.StringType.get()))));
    RecordConverter nested = new RecordConverter(table);

    Record row = nested.convert(Map.of("items", List.of(Map.of("qty", 1), Map.of("qty", 2L)),
        "device", Map.of("os", "ios")));

    assertThat(((Record) ((List<?>) row.getField("items")).get(1)).getField("qty")).isEqualTo(2L);
    assertThatThrownBy(() -> nested.convert(Map.of("items", List.of(Map.of("qty", "many")))))
        .hasMessageContaining("'items[].qty'");
    assertThatThrownBy(() -> nested.convert(Map.of("items", List.of(Map.of("colour", "red")))))
        .hasMessageContaining("[items[].colour]");
    assertThatThrownBy(() -> nested.convert(Map.of("device", Map.of("os", 7))))
        .hasMessageContaining("'device.os'");
  }

  @Test
  void bindingsAreCachedPerImmutableSchemaAndBounded() {
    Types.StructType type = TABLE.asStruct();
    StructLayout layout = new StructLayout(type, "");
    org.apache.kafka.connect.data.Schema schema = SchemaBuilder.struct()
        .field("event_id", org.apache.kafka.connect.data.Schema.STRING_SCHEMA).build();

    assertThat(layout.binding(schema)).isSameAs(layout.binding(schema));
    for (int i = 0; i < 3 * StructLayout.MAX_CACHED_SCHEMAS; i++) {
      layout.binding(SchemaBuilder.struct().field("f" + i, org.apache.kafka.connect.data.Schema.STRING_SCHEMA).build());
      assertThat(layout.cachedSchemas()).isLessThanOrEqualTo(StructLayout.MAX_CACHED_SCHEMAS);
    }
    // A SchemaBuilder is a Schema that can still change: never cached.
    SchemaBuilder builder = SchemaBuilder.struct().field("event_id", org.apache.kafka.connect.data.Schema.STRING_SCHEMA);
    assertThat(layout.binding(builder)).isNotSameAs(layout.binding(builder));
  }

  @Test
  void aStructBuiltOnASchemaBuilderSeesFieldsAddedLater() {
    SchemaBuilder builder = SchemaBuilder.struct().field("event_id", org.apache.kafka.connect.data.Schema.STRING_SCHEMA);
    assertThat(converter.convert(new Struct(builder).put("event_id", "a")).getField("event_id")).isEqualTo("a");

    builder.field("count", org.apache.kafka.connect.data.Schema.INT64_SCHEMA);

    Record row = converter.convert(new Struct(builder).put("event_id", "b").put("count", 5L));
    assertThat(row.getField("count")).isEqualTo(5L);
  }

  @Test
  void utcTimestampsAreTheSameValuesAsInstantAtOffset() {
    java.util.Random random = new java.util.Random(11);
    List<java.time.Instant> instants = new java.util.ArrayList<>(List.of(java.time.Instant.EPOCH,
        java.time.Instant.ofEpochMilli(-1), java.time.Instant.parse("0000-01-01T00:00:00Z"),
        java.time.Instant.parse("9999-12-31T23:59:59.999999999Z"), java.time.Instant.ofEpochSecond(-1, 999_999_999)));
    for (int i = 0; i < 1_000; i++) {
      instants.add(java.time.Instant.ofEpochSecond(random.nextLong() % 300_000_000_000L, random.nextInt(1_000_000_000)));
    }
    for (java.time.Instant instant : instants) {
      assertThat(RecordConverter.atUtc(instant)).isEqualTo(instant.atOffset(ZoneOffset.UTC));
    }
    assertThatThrownBy(() -> RecordConverter.atUtc(java.time.Instant.MAX)).isInstanceOf(java.time.DateTimeException.class);
  }
}
