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
}
