package io.streametl.stack.bench;

import io.streametl.stack.iceberg.IcebergCatalogOptions;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.jdbc.JdbcCatalog;

/**
 * Prepares the shared JDBC (SQLite) catalog before any sink starts: its SQL tables once (several
 * sink tasks initialising them at the same time can race on SQLite) and the benchmark's namespace.
 */
final class BenchCatalog {

  static final String NAMESPACE = "bench";

  private BenchCatalog() {}

  static void prepare(IcebergCatalogOptions options) {
    try (JdbcCatalog catalog = new JdbcCatalog()) {
      catalog.setConf(new Configuration());
      catalog.initialize(options.catalogName(), Map.of(
          "uri", options.jdbcUri(),
          "warehouse", options.warehouse().toUri().toString()));
      Namespace namespace = Namespace.of(NAMESPACE);
      if (!catalog.namespaceExists(namespace)) {
        catalog.createNamespace(namespace);
      }
    }
  }

  static String table(String name) {
    return NAMESPACE + "." + name;
  }
}
