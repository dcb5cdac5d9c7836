package io.streametl.sink.iceberg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Types;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

class SchemaInferenceTest {

  @Test
  void mapsConnectTypesAndLogicalTypesToIcebergTypes() {
    org.apache.kafka.connect.data.Schema device = SchemaBuilder.struct()
        .field("os", org.apache.kafka.connect.data.Schema.STRING_SCHEMA).build();
    org.apache.kafka.connect.data.Schema schema = SchemaBuilder.struct()
        .field("id", org.apache.kafka.connect.data.Schema.STRING_SCHEMA)
        .field("n", org.apache.kafka.connect.data.Schema.INT32_SCHEMA)
        .field("amount", Decimal.schema(2))
        .field("at", Timestamp.SCHEMA)
        .field("device", device)
        .field("tags", SchemaBuilder.array(org.apache.kafka.connect.data.Schema.STRING_SCHEMA).build())
        .build();

    Schema iceberg = SchemaInference.fromValue(new Struct(schema));

    assertThat(iceberg.findType("id")).isEqualTo(Types.StringType.get());
    assertThat(iceberg.findType("n")).isEqualTo(Types.IntegerType.get());
    assertThat(iceberg.findType("amount")).isEqualTo(Types.DecimalType.of(38, 2));
    assertThat(iceberg.findType("at")).isEqualTo(Types.TimestampType.withZone());
    assertThat(iceberg.findType("device.os")).isEqualTo(Types.StringType.get());
    assertThat(iceberg.findType("tags").isListType()).isTrue();
    assertThat(iceberg.columns()).allMatch(Types.NestedField::isOptional);
  }

  @Test
  void infersTypesFromSchemalessValuesAndSkipsFieldsWithoutEvidence() {
    Map<String, Object> value = new HashMap<>();
    value.put("id", "e1");
    value.put("count", 3);
    value.put("ratio", 0.5);
    value.put("price", new BigDecimal("1.50"));
    value.put("device", Map.of("os", "ios"));
    value.put("unknown", null);
    value.put("empty", List.of());

    Schema iceberg = SchemaInference.fromValue(value);

    assertThat(iceberg.findType("count")).isEqualTo(Types.LongType.get());
    assertThat(iceberg.findType("ratio")).isEqualTo(Types.DoubleType.get());
    assertThat(iceberg.findType("price")).isEqualTo(Types.DecimalType.of(38, 2));
    assertThat(iceberg.findType("device.os")).isEqualTo(Types.StringType.get());
    assertThat(iceberg.findField("unknown")).isNull();
    assertThat(iceberg.findField("empty")).isNull();
  }

  @Test
  void refusesValuesThatAreNotRecords() {
    assertThatThrownBy(() -> SchemaInference.fromValue("text"))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("String");
  }
}
