package io.streametl.sink;

import io.streametl.sink.bigquery.BigQueryDestination;
import io.streametl.sink.iceberg.IcebergCatalogs;
import io.streametl.sink.iceberg.IcebergDestination;
import io.streametl.sink.iceberg.TableRouter;
import io.streametl.sink.iceberg.TableSettings;
import io.streametl.sink.iceberg.maintenance.TableMaintenance;
import io.streametl.sink.state.aggregate.AggregationSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;

/** Builds the destination a task writes to from its configuration. */
final class Destinations {

  private Destinations() {}

  static EventDestination create(SinkConfig config, int taskId) {
    if (config.isBigQuery()) {
      return BigQueryDestination.create(config.bigQuery(), config.aggregations(), config.connectorName(), taskId);
    }
    Map<String, TableIdentifier> aggregationTables = new LinkedHashMap<>();
    Map<TableIdentifier, AggregationSpec> aggregationSpecs = new LinkedHashMap<>();
    config.aggregations().forEach(spec -> {
      TableIdentifier table = TableIdentifier.parse(config.aggregationTable(spec.name()));
      aggregationTables.put(spec.name(), table);
      aggregationSpecs.put(table, spec);
    });
    Catalog catalog = IcebergCatalogs.load(config.catalogName(), config.catalogProperties(), config.hadoopProperties());
    TableRouter router = TableRouter.of(config.table(), config.routeBy(), config.routes());
    TableMaintenance maintenance = TableMaintenance.forTask(taskId, config.maintenance(), catalog,
        config.connectorName(), router.defaultTable(), router.routedTables(), aggregationSpecs,
        config.dedup().isPresent()).orElse(null);
    return new IcebergDestination(
        catalog,
        router,
        new TableSettings(config.autoCreateTable(), config.partitionBy(), config.tableProperties(),
            config.evolveSchema()),
        aggregationTables,
        // Partial rows are read by window: partition them by the day their window starts.
        new TableSettings(config.autoCreateTable(), List.of("day(window_start)"), config.tableProperties(), true),
        config.connectorName(),
        taskId,
        maintenance);
  }
}
