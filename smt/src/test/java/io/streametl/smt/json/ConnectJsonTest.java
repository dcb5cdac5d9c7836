package io.streametl.smt.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.junit.jupiter.api.Test;

class ConnectJsonTest {

  private static final long MILLIS = 1_795_280_400_123L; // 2026-11-21T17:00:00.123Z
  private static final Schema SCHEMA = SchemaBuilder.struct()
      .field("amount", Decimal.schema(2))
      .field("at", Timestamp.SCHEMA)
      .field("day", org.apache.kafka.connect.data.Date.SCHEMA)
      .field("time", Time.SCHEMA)
      .field("raw", Schema.BYTES_SCHEMA)
      .field("tags", SchemaBuilder.array(Schema.STRING_SCHEMA).build())
      .field("counts", SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT64_SCHEMA).build())
      .field("note", Schema.OPTIONAL_STRING_SCHEMA)
      .build();

  private static Struct struct() {
    return new Struct(SCHEMA)
        .put("amount", new BigDecimal("12.50"))
        .put("at", new Date(MILLIS))
        .put("day", new Date(1_795_219_200_000L))
        .put("time", new Date(61_200_123L))
        .put("raw", "hi".getBytes(StandardCharsets.UTF_8))
        .put("tags", List.of("a", "b"))
        .put("counts", Map.of("x", 2L));
  }

  @Test
  void writesLogicalTypesDecimalsAndBytesAsJsonReadersExpect() {
    String json = new ConnectJson(ConnectJson.TimestampFormat.ISO8601).toTree(SCHEMA, struct()).toString();

    assertThat(json).isEqualTo("{\"amount\":12.50,\"at\":\"2026-11-21T17:00:00.123Z\","
        + "\"day\":\"2026-11-21\",\"time\":\"17:00:00.123\",\"raw\":\"aGk=\",\"tags\":[\"a\",\"b\"],"
        + "\"counts\":{\"x\":2},\"note\":null}");
  }

  @Test
  void writesTimestampsAsEpochMillisWhenAsked() {
    ConnectJson json = new ConnectJson(ConnectJson.TimestampFormat.EPOCH_MILLIS);

    assertThat(json.toTree(SCHEMA, struct()).get("at").longValue()).isEqualTo(MILLIS);
    assertThat(json.toTree(SCHEMA, struct()).get("day").stringValue()).as("a Date is not a Timestamp")
        .isEqualTo("2026-11-21");
  }

  @Test
  void readsSchemalessValuesByTheirJavaTypes() {
    Map<String, Object> value = Map.of("when", new Date(MILLIS), "buffer",
        ByteBuffer.wrap("hi".getBytes(StandardCharsets.UTF_8)), "n", 7L);

    var tree = new ConnectJson(ConnectJson.TimestampFormat.ISO8601).toTree(null, value);

    assertThat(tree.get("when").stringValue()).isEqualTo("2026-11-21T17:00:00.123Z");
    assertThat(tree.get("buffer").stringValue()).isEqualTo("aGk=");
    assertThat(tree.get("n").longValue()).isEqualTo(7L);
  }
}
