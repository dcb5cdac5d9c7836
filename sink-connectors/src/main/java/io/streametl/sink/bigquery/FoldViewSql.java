package io.streametl.sink.bigquery;

import com.google.cloud.bigquery.Schema;
import io.streametl.sink.state.aggregate.AggregationSpec;
import io.streametl.sink.state.aggregate.MetricSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The BigQuery SQL of the view that folds an aggregation's partial rows into exact results: one row
 * per window and group, counts and sums by SUM, minimums by MIN, maximums by MAX (docs/aggregates.md).
 * BigQuery cannot merge the Trino HyperLogLog sketches of approx_distinct metrics, so the view
 * leaves them out (docs/bigquery.md says how to read them). Columns the table does not have yet
 * (a metric that was always null so far) are left out too; the view is replaced when they appear.
 */
final class FoldViewSql {

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
      String fold = metric.kind().foldFunction(); // null for sketches, which BigQuery cannot merge
      if (fold != null && has(tableSchema, column)) {
        select.add(fold + "(`" + column + "`) AS `" + column + "`");
      }
    }
    return "SELECT " + String.join(",\n       ", select) + "\nFROM " + partials.sql()
        + "\nGROUP BY " + String.join(", ", keys.stream().map(k -> "`" + k + "`").toList());
  }

  private static boolean has(Schema schema, String column) {
    return TableSchemas.find(schema.getFields(), column) != null;
  }
}
