package io.streametl.stack.iceberg;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the demo's Iceberg catalog lives: a JDBC catalog on a SQLite file and a warehouse
 * directory, by default under {@code <data>/iceberg/}. The catalog name must be the one the sink
 * writes with: the JDBC catalog stores it with every table.
 */
public record IcebergCatalogOptions(String catalogName, Path catalogDb, Path warehouse) {

  public static final String DEFAULT_CATALOG_NAME = "local";

  public static IcebergCatalogOptions defaults(Path dataDir) {
    Path iceberg = dataDir.toAbsolutePath().normalize().resolve("iceberg");
    return new IcebergCatalogOptions(DEFAULT_CATALOG_NAME, iceberg.resolve("catalog.db"),
        iceberg.resolve("warehouse"));
  }

  public String jdbcUri() {
    return "jdbc:sqlite:" + catalogDb.toAbsolutePath();
  }

  /**
   * Properties for a reading JdbcCatalog. It must not create the catalog tables: a reader that
   * starts before the sink would otherwise create them itself.
   */
  Map<String, String> readerProperties() {
    Map<String, String> props = new LinkedHashMap<>();
    props.put("uri", jdbcUri());
    props.put("warehouse", warehouse.toAbsolutePath().toString());
    props.put("jdbc.init-catalog-tables", "false");
    return props;
  }
}
