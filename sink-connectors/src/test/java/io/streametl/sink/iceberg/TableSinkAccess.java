package io.streametl.sink.iceberg;

import java.lang.reflect.Field;
import java.util.Map;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.kafka.common.TopicPartition;

/** Test access: commits one table of a destination alone, as if the task died after it. */
public final class TableSinkAccess {

  private TableSinkAccess() {}

  @SuppressWarnings("unchecked")
  public static void commitOnly(IcebergDestination destination, TableIdentifier table, Map<TopicPartition, Long> offsets) {
    try {
      Field tables = IcebergDestination.class.getDeclaredField("tables");
      tables.setAccessible(true);
      ((Map<TableIdentifier, TableSink>) tables.get(destination)).get(table).commit(offsets, Map.of());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings("unchecked")
  public static void commitAggregateOnly(IcebergDestination destination, String aggregation,
      Map<TopicPartition, Long> offsets) {
    try {
      Field tables = IcebergDestination.class.getDeclaredField("aggregateTables");
      tables.setAccessible(true);
      ((Map<String, TableSink>) tables.get(destination)).get(aggregation).commit(offsets, Map.of());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
