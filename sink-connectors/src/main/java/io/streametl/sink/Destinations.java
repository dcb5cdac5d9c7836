package io.streametl.sink;

import io.streametl.sink.iceberg.IcebergCatalogs;
import io.streametl.sink.iceberg.IcebergDestination;
import io.streametl.sink.iceberg.TableRouter;
import io.streametl.sink.iceberg.TableSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.catalog.TableIdentifier;

/** Builds the destination a task writes to from its configuration. */
final class Destinations {

  private Destinations() {}

  static EventDestination create(SinkConfig config, int taskId) {
    Map<String, TableIdentifier> aggregationTables = new LinkedHashMap<>();
    config.aggregations().forEach(spec ->
        aggregationTables.put(spec.name(), TableIdentifier.parse(config.aggregationTable(spec.name()))));
    return new IcebergDestination(
        IcebergCatalogs.load(config.catalogName(), config.catalogProperties(), config.hadoopProperties()),
        TableRouter.of(config.table(), config.routeBy(), config.routes()),
        new TableSettings(config.autoCreateTable(), config.partitionBy(), config.tableProperties(),
            config.evolveSchema()),
        aggregationTables,
        // Partial rows are read by window: partition them by the day their window starts.
        new TableSettings(config.autoCreateTable(), List.of("day(window_start)"), config.tableProperties(), true),
        config.connectorName(),
        taskId);
  }
}
