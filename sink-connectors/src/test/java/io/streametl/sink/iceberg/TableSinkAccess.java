package io.streametl.sink.iceberg;

import java.lang.reflect.Field;
import java.util.Map;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.kafka.common.TopicPartition;

/** Test access: commits one table of a destination alone, as if the task died after it. */
final class TableSinkAccess {

  private TableSinkAccess() {}

  @SuppressWarnings("unchecked")
  static void commitOnly(IcebergDestination destination, TableIdentifier table, Map<TopicPartition, Long> offsets) {
    try {
      Field tables = IcebergDestination.class.getDeclaredField("tables");
      tables.setAccessible(true);
      ((Map<TableIdentifier, TableSink>) tables.get(destination)).get(table).commit(offsets, Map.of());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
