package io.streametl.sink.iceberg;

import io.streametl.common.fieldpath.FieldPath;
import io.streametl.common.fieldpath.FieldValue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Chooses the events table of a record: by its topic, or by the value of a field, through a map of
 * routes; records that match no route go to the default table.
 */
public final class TableRouter {

  public static final String BY_TOPIC = "topic";

  private final TableIdentifier defaultTable;
  private final FieldPath field;       // null: by topic, or no routing at all
  private final boolean byTopic;
  private final Map<String, TableIdentifier> routes;

  private TableRouter(TableIdentifier defaultTable, String routeBy, Map<String, TableIdentifier> routes) {
    this.defaultTable = defaultTable;
    this.byTopic = BY_TOPIC.equals(routeBy);
    this.field = routeBy.isEmpty() || byTopic ? null : FieldPath.parse(routeBy);
    this.routes = Map.copyOf(routes);
  }

  /**
   * @param routeBy "" (no routing), "topic", or a field path
   * @param routes entries "value=namespace.table"
   */
  public static TableRouter of(String defaultTable, String routeBy, List<String> routes) {
    return new TableRouter(TableIdentifier.parse(defaultTable), routeBy.trim(), parseRoutes(routes));
  }

  /** Parses "value=namespace.table" entries; the config validator calls it too. */
  public static Map<String, TableIdentifier> parseRoutes(List<String> entries) {
    Map<String, TableIdentifier> routes = new HashMap<>();
    for (String entry : entries) {
      int eq = entry.lastIndexOf('=');
      String table = eq < 0 ? "" : entry.substring(eq + 1).trim();
      if (eq <= 0 || !table.matches("[^.\\s]+(\\.[^.\\s]+)+")) {
        throw new ConfigException("route '" + entry + "' must read value=namespace.table, for example "
            + "signup=demo.signups");
      }
      routes.put(entry.substring(0, eq).trim(), TableIdentifier.parse(table));
    }
    return routes;
  }

  public TableIdentifier defaultTable() {
    return defaultTable;
  }

  /** Every table a route names (without the default table unless a route names it). */
  public java.util.Set<TableIdentifier> routedTables() {
    return java.util.Set.copyOf(routes.values());
  }

  public TableIdentifier route(SinkRecord record) {
    if (routes.isEmpty()) {
      return defaultTable;
    }
    String key;
    if (byTopic) {
      key = record.topic();
    } else if (field != null) {
      key = fieldValue(record.value());
    } else {
      return defaultTable;
    }
    return key == null ? defaultTable : routes.getOrDefault(key, defaultTable);
  }

  private String fieldValue(Object value) {
    FieldValue found;
    if (value instanceof Struct struct) {
      found = field.lookup(struct);
    } else if (value instanceof Map<?, ?> map) {
      found = field.lookup(map);
    } else {
      return null;
    }
    return found.isPresent() && !found.isNull() ? String.valueOf(found.value()) : null;
  }
}
