package io.streametl.stack.iceberg;

import java.util.List;
import java.util.Map;

/**
 * What the query command shows of a table: every row counted by a full scan, and the first rows
 * with their values by column name.
 */
public record TableSample(String table, long rowCount, List<String> columns,
    List<Map<String, Object>> rows) {

  public TableSample {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
  }
}
