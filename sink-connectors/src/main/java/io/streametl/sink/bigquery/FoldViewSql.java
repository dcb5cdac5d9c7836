package io.streametl.sink.bigquery;

import com.google.cloud.bigquery.Schema;
import io.streametl.sink.state.aggregate.AggregationSpec;
import io.streametl.sink.state.aggregate.MetricKind;
import io.streametl.sink.state.aggregate.MetricSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The BigQuery SQL of the view that folds an aggregation's partial rows into exact results: one row
 * per window and group, counts and sums by SUM, minimums by MIN, maximums by MAX, and approx_distinct
 * sketches (BigQuery's HLL++, see {@link io.streametl.sink.state.aggregate.SketchFormat}) by
 * HLL_COUNT.MERGE, the estimate of their union (docs/aggregates.md). Columns the table does not have
 * yet (a metric that was always null so far) are left out; the view is replaced when they appear.
 */
final class FoldViewSql {

  /**
   * How every HLL++ sketch begins: its AggregatorStateProto's first field, type (tag 0x08) =
   * HYPERLOGLOG_PLUS_UNIQUE (112 = 0x70). Trino sketches, which versions before HLL++ wrote to these
   * columns, begin with 0x02 or 0x03.
   */
  static final String HLL_PLUS_PLUS_PREFIX = "b'\\x08\\x70'";

  private FoldViewSql() {}

  static String of(AggregationSpec spec, TableRef partials, Schema tableSchema) {
    List<String> keys = new ArrayList<>(List.of("window_start", "window_end"));
    for (String group : spec.groupColumns()) {
      if (has(tableSchema, group)) {
        keys.add(group);
      }
    }
    List<String> select = new ArrayList<>();
    keys.forEach(k -> select.add("`" + k + "`"));
    for (MetricSpec metric : spec.metrics()) {
      String column = metric.column();
      if (!has(tableSchema, column)) {
        continue;
      }
      select.add(metric.kind() == MetricKind.APPROX_DISTINCT ? distinctCount(column)
          : metric.kind().foldFunction() + "(`" + column + "`) AS `" + column + "`");
    }
    return "SELECT " + String.join(",\n       ", select) + "\nFROM " + partials.sql()
        + "\nGROUP BY " + String.join(", ", keys.stream().map(k -> "`" + k + "`").toList());
  }

  /**
   * HLL_COUNT.MERGE of the sketches, guarded against rows an earlier version wrote in Trino's
   * format (which HLL_COUNT.MERGE would fail the whole query on): a window and group with such a row
   * gets NULL (unknown) rather than an error or an undercount; every other one gets the estimate.
   */
  private static String distinctCount(String column) {
    String c = "`" + column + "`";
    return "IF(COUNTIF(NOT STARTS_WITH(" + c + ", " + HLL_PLUS_PLUS_PREFIX + ")) > 0, NULL, HLL_COUNT.MERGE(IF("
        + "STARTS_WITH(" + c + ", " + HLL_PLUS_PLUS_PREFIX + "), " + c + ", NULL))) AS " + c;
  }

  private static boolean has(Schema schema, String column) {
    return TableSchemas.find(schema.getFields(), column) != null;
  }
}
