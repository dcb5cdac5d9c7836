package io.streametl.sink.iceberg;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.iceberg.StructLike;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;

class RowSizeEstimatorTest {

  /** The estimate before the fast path by exact class: the commit trigger must fire at the same rows. */
  private static long reference(Object value) {
    if (value == null) {
      return 1;
    } else if (value instanceof CharSequence s) {
      return s.length();
    } else if (value instanceof ByteBuffer b) {
      return b.remaining();
    } else if (value instanceof StructLike struct) {
      long size = 0;
      for (int i = 0; i < struct.size(); i++) {
        size += reference(struct.get(i, Object.class));
      }
      return size;
    } else if (value instanceof Collection<?> c) {
      long size = 0;
      for (Object element : c) {
        size += reference(element);
      }
      return size;
    } else if (value instanceof Map<?, ?> m) {
      long size = 0;
      for (Map.Entry<?, ?> entry : m.entrySet()) {
        size += reference(entry.getKey()) + reference(entry.getValue());
      }
      return size;
    }
    return 8;
  }

  @Test
  void estimatesEveryKindOfValueAsBefore() {
    Types.StructType inner = Types.StructType.of(Types.NestedField.optional(10, "os", Types.StringType.get()),
        Types.NestedField.optional(11, "n", Types.LongType.get()));
    GenericRecord device = GenericRecord.create(inner);
    device.setField("os", "android");
    List<Object> values = List.of("", "caf\u00e9", new StringBuilder("abc"), 1L, 2, 3.5d, 4.5f, true,
        new BigDecimal("12.34"), OffsetDateTime.of(2026, 11, 21, 10, 0, 0, 0, ZoneOffset.UTC),
        LocalDateTime.of(2026, 11, 21, 10, 0), LocalDate.of(2026, 11, 21), LocalTime.NOON, UUID.randomUUID(),
        ByteBuffer.wrap(new byte[] {1, 2, 3}), device, List.of("a", 1L), Map.of("k", "value", "n", 5L),
        new java.util.Date(0), (short) 3, new Object());
    for (Object value : values) {
      assertThat(RowSizeEstimator.estimate(value)).as("%s", value.getClass()).isEqualTo(reference(value));
    }
    assertThat(RowSizeEstimator.estimate(null)).isEqualTo(reference(null));

    Types.StructType row = Types.StructType.of(Types.NestedField.optional(1, "id", Types.StringType.get()),
        Types.NestedField.optional(2, "amount", Types.DecimalType.of(38, 2)),
        Types.NestedField.optional(3, "device", inner), Types.NestedField.optional(4, "missing", Types.LongType.get()));
    GenericRecord record = GenericRecord.create(row);
    record.setField("id", "e-1");
    record.setField("amount", new BigDecimal("1.00"));
    record.setField("device", device);
    assertThat(RowSizeEstimator.estimate(record)).isEqualTo(reference(record)).isEqualTo(3 + 8 + (7 + 1) + 1);
  }
}
