package io.streametl.stack.cli;

import io.streametl.stack.iceberg.IcebergCatalogOptions;
import java.nio.file.Path;
import java.util.List;

/** The Iceberg catalog options shared by demo and query. */
final class IcebergOptionSpecs {

  static final String DEFAULT_TABLE = "demo.subscription_events";

  static final List<OptionSpec> SPECS = List.of(
      OptionSpec.value("--table", "NAMESPACE.TABLE", "Iceberg table the sink writes (default "
          + DEFAULT_TABLE + ")"),
      OptionSpec.value("--catalog-name", "NAME", "Iceberg catalog name the sink uses (default "
          + IcebergCatalogOptions.DEFAULT_CATALOG_NAME + ")"),
      OptionSpec.value("--catalog-db", "FILE", "SQLite file of the JDBC catalog (default"
          + " <data-dir>/iceberg/catalog.db)"),
      OptionSpec.value("--warehouse", "DIR", "Iceberg warehouse (default <data-dir>/iceberg/warehouse)"));

  private IcebergOptionSpecs() {}

  static IcebergCatalogOptions catalog(ParsedOptions options, Path dataDir) {
    IcebergCatalogOptions defaults = IcebergCatalogOptions.defaults(dataDir);
    return new IcebergCatalogOptions(
        options.string("--catalog-name", defaults.catalogName()),
        options.path("--catalog-db", defaults.catalogDb()).toAbsolutePath(),
        options.path("--warehouse", defaults.warehouse()).toAbsolutePath());
  }

  static String table(ParsedOptions options) {
    String table = options.string("--table", DEFAULT_TABLE);
    if (!table.contains(".")) {
      throw new UsageException("Option --table needs NAMESPACE.TABLE, got '" + table + "'.");
    }
    return table;
  }
}
