package io.streametl.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.streametl.stack.LocalStack;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.hadoop.HadoopCatalog;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.apache.iceberg.rest.RESTCatalogAdapter;
import org.apache.iceberg.rest.RESTCatalogServlet;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sink against the other catalog types it is configured for, with the workers as clients:
 * an Iceberg REST catalog (Iceberg's own REST servlet over a JDBC catalog, served from this JVM on
 * loopback) and a Hadoop (file system) catalog.
 */
@ExtendWith(LocalStackExtension.class)
class CatalogsIT {

  @TempDir
  Path dir;
  private PipelineRun run;
  private Server server;

  @AfterEach
  void stop() throws Exception {
    if (run != null) {
      run.stop();
    }
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void theSinkWritesExactlyOnceThroughAnIcebergRestCatalog(LocalStack stack) throws Exception {
    JdbcCatalog backing = new JdbcCatalog();
    backing.initialize("rest_backing", Map.of(
        CatalogProperties.URI, "jdbc:sqlite:" + dir.resolve("rest-catalog.db"),
        CatalogProperties.WAREHOUSE_LOCATION, dir.resolve("warehouse").toUri().toString()));
    server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.addServlet(new ServletHolder(new RESTCatalogServlet(new RESTCatalogAdapter(backing))), "/*");
    server.setHandler(context);
    server.start();
    String uri = "http://127.0.0.1:" + connector.getLocalPort();

    Map<String, String> catalog = new HashMap<>();
    catalog.put("iceberg.catalog.type", "rest");
    catalog.put("iceberg.catalog.uri", uri);
    catalog.put("iceberg.catalog.warehouse", null);
    assertExactlyOnce(stack, catalog, backing);
  }

  @Test
  void theSinkWritesExactlyOnceThroughAHadoopCatalog(LocalStack stack) {
    String warehouse = dir.resolve("hadoop-warehouse").toUri().toString();
    Map<String, String> catalog = new HashMap<>();
    catalog.put("iceberg.catalog.type", "hadoop");
    catalog.put("iceberg.catalog.uri", null);
    catalog.put("iceberg.catalog.warehouse", warehouse);
    HadoopCatalog reader = new HadoopCatalog();
    reader.setConf(new org.apache.hadoop.conf.Configuration());
    reader.initialize("reader", Map.of(CatalogProperties.WAREHOUSE_LOCATION, warehouse));
    assertExactlyOnce(stack, catalog, reader);
  }

  private void assertExactlyOnce(LocalStack stack, Map<String, String> catalogOverrides, Catalog reader) {
    run = new PipelineRun(stack, 4_000, 2_000, 0.05, catalogOverrides);
    PipelineRun.Expected expected = run.expected();
    run.start();
    TableIdentifier table = TableIdentifier.parse(run.table);

    await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
        .until(() -> eventIds(reader, table).size() >= expected.validIds().size());

    List<String> ids = eventIds(reader, table);
    assertThat(ids).hasSameSizeAs(expected.validIds());
    assertThat(new HashSet<>(ids)).isEqualTo(new HashSet<>(expected.validIds()));
    assertThat(reader.tableExists(TableIdentifier.parse(run.table + "_per_minute"))).isTrue();
  }

  private static List<String> eventIds(Catalog catalog, TableIdentifier table) {
    if (!catalog.tableExists(table)) {
      return List.of();
    }
    List<String> ids = new ArrayList<>();
    try (CloseableIterable<Record> rows = IcebergGenerics.read(catalog.loadTable(table)).select("event_id").build()) {
      rows.forEach(r -> ids.add((String) r.getField("event_id")));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return ids;
  }
}
