package io.streametl.stack.cli;

import io.streametl.stack.iceberg.IcebergCatalogOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The options of {@code streametl query}. */
record QueryOptions(Path dataDir, IcebergCatalogOptions catalog, String table, int limit) {

  static final int DEFAULT_LIMIT = 10;

  static final List<OptionSpec> SPECS;

  static {
    List<OptionSpec> specs = new ArrayList<>(List.of(
        OptionSpec.value("--data-dir", "DIR", "data directory of the demo (default ./data)"),
        OptionSpec.value("--limit", "N", "rows to show (default " + DEFAULT_LIMIT + ")")));
    specs.addAll(IcebergOptionSpecs.SPECS);
    SPECS = List.copyOf(specs);
  }

  static QueryOptions parse(List<String> args) {
    ParsedOptions options = ParsedOptions.parse("query", SPECS, args);
    Path dataDir = options.path("--data-dir", Path.of("data")).toAbsolutePath().normalize();
    return new QueryOptions(dataDir, IcebergOptionSpecs.catalog(options, dataDir),
        IcebergOptionSpecs.table(options), options.positiveInt("--limit", DEFAULT_LIMIT));
  }
}
