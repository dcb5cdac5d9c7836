package io.streametl.sink.bigquery;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.Schema;
import com.google.cloud.bigquery.StandardSQLTypeName;
import io.streametl.sink.state.aggregate.AggregationSpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fold view's SQL, run as written (H2 in MySQL mode reads BigQuery's backtick-quoted names) over
 * partial rows of several cycles, folds them into one row per window and group with exact results;
 * the sketch column is left out, and columns the table lacks are skipped.
 */
class FoldViewSqlTest {

  private static final TableRef PARTIALS = new TableRef("p", "d", "events_per_minute");

  private static Schema schema(boolean withMax) {
    List<Field> fields = new ArrayList<>(List.of(
        Field.of("window_start", StandardSQLTypeName.TIMESTAMP), Field.of("window_end", StandardSQLTypeName.TIMESTAMP),
        Field.of("region", StandardSQLTypeName.STRING), Field.of("record_count", StandardSQLTypeName.INT64),
        Field.of("sum_amount", StandardSQLTypeName.NUMERIC)));
    if (withMax) {
      fields.add(Field.of("max_amount", StandardSQLTypeName.NUMERIC));
    }
    return Schema.of(fields);
  }

  @Test
  void theViewFoldsPartialRowsIntoExactResults() throws Exception {
    AggregationSpec spec = FakeBigQueryFixture.perMinute().get(0);
    String sql = FoldViewSql.of(spec, PARTIALS, schema(true));
    try (Connection db = DriverManager.getConnection("jdbc:h2:mem:fold;MODE=MySQL");
        Statement st = db.createStatement()) {
      st.execute("CREATE TABLE `p.d.events_per_minute` (window_start TIMESTAMP, window_end TIMESTAMP, "
          + "region VARCHAR(20), record_count BIGINT, sum_amount DECIMAL(38, 9), max_amount DECIMAL(38, 9))");
      // Three cycles touched window 10:00/eu, one of them with a late delta row; one cycle 10:01/us.
      st.execute("INSERT INTO `p.d.events_per_minute` VALUES "
          + "('2026-11-21 10:00:00', '2026-11-21 10:01:00', 'eu', 2, 24.60, 12.30),"
          + "('2026-11-21 10:00:00', '2026-11-21 10:01:00', 'eu', 1, 5.00, 5.00),"
          + "('2026-11-21 10:00:00', '2026-11-21 10:01:00', 'eu', 3, 30.00, 20.00),"
          + "('2026-11-21 10:01:00', '2026-11-21 10:02:00', 'us', 1, 1.50, 1.50)");
      List<String> folded = new ArrayList<>();
      try (ResultSet rs = st.executeQuery(sql + " ORDER BY `window_start`")) {
        while (rs.next()) {
          folded.add(rs.getString("region") + " " + rs.getLong("record_count") + " "
              + rs.getBigDecimal("sum_amount").stripTrailingZeros().toPlainString() + " "
              + rs.getBigDecimal("max_amount").stripTrailingZeros().toPlainString());
        }
      }
      assertThat(folded).containsExactly("eu 6 59.6 20", "us 1 1.5 1.5");
    }
  }

  @Test
  void columnsTheTableDoesNotHaveYetAreLeftOut() {
    String sql = FoldViewSql.of(FakeBigQueryFixture.perMinute().get(0), PARTIALS, schema(false));

    assertThat(sql).contains("SUM(`sum_amount`)").doesNotContain("max_amount");
  }

  @Test
  void distinctSketchesAreMergedWithHllCountAndTrinoSketchesOfEarlierVersionsGiveNull() {
    AggregationSpec spec = io.streametl.sink.state.aggregate.AggregationConfig.parse(java.util.Map.of(
        "aggregations", "per_minute", "aggregation.per_minute.window", "tumbling:1m",
        "aggregation.per_minute.time-field", "event_time", "aggregation.per_minute.metrics",
        "count,approx_distinct(user_id)")).get(0);
    Schema table = Schema.of(Field.of("window_start", StandardSQLTypeName.TIMESTAMP),
        Field.of("window_end", StandardSQLTypeName.TIMESTAMP), Field.of("record_count", StandardSQLTypeName.INT64),
        Field.of("approx_distinct_user_id", StandardSQLTypeName.BYTES));

    String sql = FoldViewSql.of(spec, PARTIALS, table);

    assertThat(sql).contains("IF(COUNTIF(NOT STARTS_WITH(`approx_distinct_user_id`, b'\\x08\\x70')) > 0, NULL, "
        + "HLL_COUNT.MERGE(IF(STARTS_WITH(`approx_distinct_user_id`, b'\\x08\\x70'), `approx_distinct_user_id`, "
        + "NULL))) AS `approx_distinct_user_id`");
  }
}
