package io.streametl.sink;

import io.streametl.sink.iceberg.IcebergCatalogs;
import io.streametl.sink.iceberg.IcebergDestination;
import io.streametl.sink.iceberg.TableRouter;
import io.streametl.sink.iceberg.TableSettings;

/** Builds the destination a task writes to from its configuration. */
final class Destinations {

  private Destinations() {}

  static EventDestination create(SinkConfig config, int taskId) {
    return new IcebergDestination(
        IcebergCatalogs.load(config.catalogName(), config.catalogProperties()),
        TableRouter.of(config.table(), config.routeBy(), config.routes()),
        new TableSettings(config.autoCreateTable(), config.partitionBy(), config.tableProperties(),
            config.evolveSchema()),
        config.connectorName(),
        taskId);
  }
}
