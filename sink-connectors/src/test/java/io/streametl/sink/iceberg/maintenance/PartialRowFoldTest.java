package io.streametl.sink.iceberg.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streametl.sink.state.aggregate.AggregationConfig;
import io.streametl.sink.state.aggregate.AggregationSpec;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.Schema;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;

class PartialRowFoldTest {

  private static final OffsetDateTime W0 = OffsetDateTime.of(2025, 11, 21, 4, 0, 0, 0, ZoneOffset.UTC);
  private static final Schema SCHEMA = new Schema(
      Types.NestedField.optional(1, "window_start", Types.TimestampType.withZone()),
      Types.NestedField.optional(2, "window_end", Types.TimestampType.withZone()),
      Types.NestedField.optional(3, "region", Types.StringType.get()),
      Types.NestedField.optional(4, "record_count", Types.LongType.get()),
      Types.NestedField.optional(5, "sum_amount", Types.DecimalType.of(38, 2)),
      Types.NestedField.optional(6, "max_name", Types.StringType.get()));

  private static AggregationSpec spec(String metrics) {
    return AggregationConfig.parse(Map.of("aggregations", "a", "aggregation.a.window", "tumbling:1m",
        "aggregation.a.time-field", "ts", "aggregation.a.group-by", "region", "aggregation.a.metrics", metrics)).get(0);
  }

  private static Record row(int minute, String region, long count, String sum, String name) {
    Record row = GenericRecord.create(SCHEMA);
    row.setField("window_start", W0.plusMinutes(minute));
    row.setField("window_end", W0.plusMinutes(minute + 1));
    row.setField("region", region);
    row.setField("record_count", count);
    row.setField("sum_amount", sum == null ? null : new BigDecimal(sum));
    row.setField("max_name", name);
    return row;
  }

  private static PartialRowFold fold() {
    return PartialRowFold.forTable(spec("count,sum(amount):decimal,max(name):string"), SCHEMA).orElseThrow();
  }

  @Test
  void rowsOfOneWindowAndGroupBecomeOneRowAsTheFoldSqlWouldFoldThem() {
    PartialRowFold fold = fold();
    fold.add(row(0, "eu", 2, "1.50", "b"));
    fold.add(row(0, "us", 1, "4.00", "a"));
    fold.add(row(0, "eu", 3, null, "\uFFFD"));
    fold.add(row(0, "eu", 1, "0.25", "\uD83D\uDE00")); // above U+FFFF: the larger code point
    fold.add(row(1, "eu", 5, "2.00", null));
    fold.add(row(0, null, 1, "1.00", "c"));
    fold.add(row(0, null, 1, "1.00", "d"));

    List<Record> rows = fold.drain();

    assertThat(rows).hasSize(4);
    assertThat(rows.get(0)).isEqualTo(row(0, "eu", 6, "1.75", "\uD83D\uDE00"));
    assertThat(rows.get(1)).isEqualTo(row(0, "us", 1, "4.00", "a"));
    assertThat(rows.get(2)).isEqualTo(row(1, "eu", 5, "2.00", null));
    assertThat(rows.get(3)).isEqualTo(row(0, null, 2, "2.00", "d"));
    assertThat(fold.size()).isZero();
  }

  @Test
  void aSumBeyondItsColumnTypeStopsTheFold() {
    PartialRowFold fold = fold();
    fold.add(row(0, "eu", Long.MAX_VALUE, "1", "a"));

    assertThatThrownBy(() -> fold.add(row(0, "eu", 1, "1", "a")))
        .isInstanceOf(PartialRowFold.FoldOverflowException.class);
  }

  @Test
  void tablesWithSketchesOrColumnsTheAggregationDoesNotExplainAreNotFolded() {
    assertThat(PartialRowFold.forTable(spec("count,sum(amount):decimal,max(name):string,approx_distinct(user)"),
        SCHEMA)).isEmpty();
    assertThat(PartialRowFold.forTable(spec("count,sum(amount):decimal"), SCHEMA)).isEmpty(); // max_name unknown
  }
}
