package io.streametl.stack.cli;

import io.streametl.stack.iceberg.LocalIcebergCatalog;
import io.streametl.stack.iceberg.TableSample;
import java.io.PrintStream;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code streametl query}: the row count of an Iceberg table and a sample of its rows. */
final class QueryCommand {

  private final QueryOptions options;
  private final PrintStream out;

  QueryCommand(QueryOptions options, PrintStream out) {
    this.options = options;
    this.out = out;
  }

  int run() {
    try (LocalIcebergCatalog catalog = LocalIcebergCatalog.open(options.catalog())) {
      TableSample sample = catalog.sample(options.table(), options.limit());
      out.println(sample.table() + ": " + sample.rowCount() + " rows (counted by a full scan)");
      catalog.committedRecords(options.table()).ifPresent(total ->
          out.println("current snapshot total-records: " + total));
      if (!sample.rows().isEmpty()) {
        out.println("first " + sample.rows().size() + " rows:");
        sample.rows().forEach(row -> out.println("  " + formatRow(row)));
      }
    }
    return 0;
  }

  static String formatRow(Map<String, Object> row) {
    return row.entrySet().stream()
        .map(entry -> entry.getKey() + "=" + entry.getValue())
        .collect(Collectors.joining(", ", "{", "}"));
  }
}
