package io.streametl.sink;

import io.streametl.sink.iceberg.IcebergCatalogs;
import io.streametl.sink.iceberg.IcebergDestination;

/** Builds the destination a task writes to from its configuration. */
final class Destinations {

  private Destinations() {}

  static EventDestination create(SinkConfig config, int taskId) {
    return new IcebergDestination(
        IcebergCatalogs.load(config.catalogName(), config.catalogProperties()),
        config.table(),
        config.autoCreateTable(),
        config.partitionBy(),
        config.tableProperties(),
        config.connectorName(),
        taskId);
  }
}
