package io.streametl.sink;

import io.streametl.sink.iceberg.PartitionSpecParser;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;

/**
 * The typed configuration of the dedup/aggregate sink. Pass-through property families
 * ({@code iceberg.catalog.*}, {@code iceberg.table.properties.*}) are read from the original
 * properties, as Iceberg's own Kafka Connect sink does, so any catalog Iceberg supports can be
 * configured without this class knowing its keys.
 */
public final class SinkConfig extends AbstractConfig {

  public static final String CONNECTOR_NAME = "name";

  public static final String CATALOG_NAME = "iceberg.catalog";
  public static final String CATALOG_PREFIX = "iceberg.catalog.";
  public static final String TABLE = "iceberg.table";
  public static final String TABLE_AUTO_CREATE = "iceberg.table.auto-create";
  public static final String TABLE_PARTITION_BY = "iceberg.table.partition-by";
  public static final String TABLE_PROPERTIES_PREFIX = "iceberg.table.properties.";
  public static final String TABLE_EVOLVE_SCHEMA = "iceberg.table.evolve-schema";
  public static final String TABLES_ROUTE_BY = "iceberg.tables.route-by";
  public static final String TABLES_ROUTES = "iceberg.tables.routes";

  public static final String COMMIT_INTERVAL_MS = "commit.interval.ms";
  public static final String COMMIT_MAX_RECORDS = "commit.max.records";
  public static final String COMMIT_MAX_BYTES = "commit.max.bytes";
  public static final String COMMIT_MAX_FAILURES = "commit.max.consecutive.failures";

  private static final String GROUP_ICEBERG = "Iceberg";
  private static final String GROUP_COMMIT = "Commits";

  public static final ConfigDef CONFIG_DEF = new ConfigDef()
      .define(CATALOG_NAME, Type.STRING, "streametl", new ConfigDef.NonEmptyString(), Importance.MEDIUM,
          "Name of the Iceberg catalog. Catalog properties are given as '" + CATALOG_PREFIX
              + "<property>', for example " + CATALOG_PREFIX + "type=jdbc, " + CATALOG_PREFIX
              + "uri=jdbc:sqlite:/data/catalog.db, " + CATALOG_PREFIX + "warehouse=file:///data/warehouse; "
              + "they are passed to Iceberg's CatalogUtil unchanged (rest, jdbc, hadoop, glue, nessie, hive).",
          GROUP_ICEBERG, 1, Width.MEDIUM, "Catalog name")
      .define(TABLE, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new TableNameValidator(), Importance.HIGH,
          "The Iceberg table the events are written to, as 'namespace.table' (nested namespaces: 'a.b.table').",
          GROUP_ICEBERG, 2, Width.MEDIUM, "Events table")
      .define(TABLE_AUTO_CREATE, Type.BOOLEAN, true, Importance.MEDIUM,
          "Create the table (and its namespace) from the first valid record's schema when it does not exist. "
              + "All columns are created optional so that later records may omit fields.",
          GROUP_ICEBERG, 3, Width.SHORT, "Auto-create table")
      .define(TABLE_PARTITION_BY, Type.LIST, "", new PartitionSpecParser.Validator(), Importance.MEDIUM,
          "Partition spec of an auto-created table: a list of terms such as 'day(event_time)', 'hour(ts)', "
              + "'month(ts)', 'year(ts)', 'bucket(16, user_id)', 'truncate(4, name)' or a plain column name "
              + "(identity). Nested columns use dotted paths. Empty: unpartitioned.",
          GROUP_ICEBERG, 4, Width.LONG, "Partition by")
      .define(TABLE_EVOLVE_SCHEMA, Type.BOOLEAN, true, Importance.MEDIUM,
          "Evolve table schemas as records change: a field without a column becomes a new optional column "
              + "(nested ones too), an int column widens to long and a float column to double. Any other "
              + "change (for example a string where a number was) sends the record to the dead-letter queue "
              + "with the reason and leaves the table unchanged. When false, every record that does not fit "
              + "the table goes to the dead-letter queue.",
          GROUP_ICEBERG, 5, Width.SHORT, "Evolve schema")
      .define(TABLES_ROUTE_BY, Type.STRING, "", new RouteByValidator(), Importance.MEDIUM,
          "Route records to several events tables: 'topic' routes by the record's topic, a field path "
              + "(for example event_type or device.os) by that field's value. Empty: every record goes to "
              + TABLE + ".",
          GROUP_ICEBERG, 6, Width.MEDIUM, "Route by")
      .define(TABLES_ROUTES, Type.LIST, "", new RoutesValidator(), Importance.MEDIUM,
          "Routes as 'value=namespace.table' entries, for example 'signup=demo.signups,cancel=demo.cancels'. "
              + "Records whose value matches no route go to " + TABLE + ", which also records the offsets "
              + "every task resumes from (it is committed last in each cycle).",
          GROUP_ICEBERG, 7, Width.LONG, "Routes")
      .define(COMMIT_INTERVAL_MS, Type.LONG, 10_000L, ConfigDef.Range.atLeast(100), Importance.HIGH,
          "Longest time buffered records wait before they are committed to Iceberg (with their Kafka "
              + "offsets, in one atomic commit). This bounds freshness: a row is visible in the table at most "
              + "this long after the sink receives it, plus the commit's own duration.",
          GROUP_COMMIT, 1, Width.SHORT, "Commit interval")
      .define(COMMIT_MAX_RECORDS, Type.LONG, 500_000L, ConfigDef.Range.atLeast(1), Importance.MEDIUM,
          "Commit as soon as this many records are buffered, even before the interval elapses.",
          GROUP_COMMIT, 2, Width.SHORT, "Records per commit")
      .define(COMMIT_MAX_BYTES, Type.LONG, 256L * 1024 * 1024, ConfigDef.Range.atLeast(1024), Importance.MEDIUM,
          "Commit as soon as the data files being written reach this many bytes.",
          GROUP_COMMIT, 3, Width.SHORT, "Bytes per commit")
      .define(COMMIT_MAX_FAILURES, Type.INT, 5, ConfigDef.Range.atLeast(1), Importance.LOW,
          "Consecutive failed commits after which the task fails. After each failed commit the task "
              + "discards its uncommitted files and rewinds to the offsets recorded in the table, so "
              + "nothing is lost or written twice; a failed commit is logged, never swallowed.",
          GROUP_COMMIT, 4, Width.SHORT, "Commit failures before the task fails");

  private final Map<String, String> originals;

  public SinkConfig(Map<String, String> props) {
    super(CONFIG_DEF, props);
    this.originals = Map.copyOf(props);
    if (!catalogProperties().containsKey("type") && !catalogProperties().containsKey("catalog-impl")) {
      throw new ConfigException(CATALOG_PREFIX + "type", null,
          "set the Iceberg catalog type (rest, jdbc, hadoop, glue, nessie, hive) or "
              + CATALOG_PREFIX + "catalog-impl");
    }
  }

  /** The connector's name: the key under which offsets are recorded in the table's snapshots. */
  public String connectorName() {
    String name = originals.get(CONNECTOR_NAME);
    if (name == null || name.isBlank()) {
      throw new ConfigException(CONNECTOR_NAME, name, "the task needs the connector name");
    }
    return name;
  }

  public String catalogName() {
    return getString(CATALOG_NAME);
  }

  /** Catalog properties with the {@code iceberg.catalog.} prefix removed. */
  public Map<String, String> catalogProperties() {
    return withPrefix(CATALOG_PREFIX);
  }

  public String table() {
    return getString(TABLE);
  }

  public boolean autoCreateTable() {
    return getBoolean(TABLE_AUTO_CREATE);
  }

  public List<String> partitionBy() {
    return getList(TABLE_PARTITION_BY);
  }

  /** Properties of auto-created tables, with the prefix removed. */
  public Map<String, String> tableProperties() {
    return withPrefix(TABLE_PROPERTIES_PREFIX);
  }

  public boolean evolveSchema() {
    return getBoolean(TABLE_EVOLVE_SCHEMA);
  }

  public String routeBy() {
    return getString(TABLES_ROUTE_BY);
  }

  public List<String> routes() {
    return getList(TABLES_ROUTES);
  }

  public long commitIntervalMs() {
    return getLong(COMMIT_INTERVAL_MS);
  }

  public long commitMaxRecords() {
    return getLong(COMMIT_MAX_RECORDS);
  }

  public long commitMaxBytes() {
    return getLong(COMMIT_MAX_BYTES);
  }

  public int commitMaxConsecutiveFailures() {
    return getInt(COMMIT_MAX_FAILURES);
  }

  private Map<String, String> withPrefix(String prefix) {
    Map<String, String> result = new HashMap<>();
    originals.forEach((key, value) -> {
      if (key.startsWith(prefix) && key.length() > prefix.length()) {
        result.put(key.substring(prefix.length()), value);
      }
    });
    return result;
  }

  /** 'topic' or a field path, parsed as the router parses it. */
  static final class RouteByValidator implements ConfigDef.Validator {
    @Override
    public void ensureValid(String name, Object value) {
      String routeBy = value == null ? "" : value.toString().trim();
      if (!routeBy.isEmpty() && !routeBy.equals(io.streametl.sink.iceberg.TableRouter.BY_TOPIC)) {
        try {
          io.streametl.common.fieldpath.FieldPath.parse(routeBy);
        } catch (ConfigException e) {
          throw new ConfigException(name, value, "give 'topic' or a field path: " + e.getMessage());
        }
      }
    }

    @Override
    public String toString() {
      return "'topic', a field path, or empty";
    }
  }

  /** Route entries, parsed as the router parses them. */
  static final class RoutesValidator implements ConfigDef.Validator {
    @Override
    public void ensureValid(String name, Object value) {
      try {
        io.streametl.sink.iceberg.TableRouter.parseRoutes(value == null ? List.of() : (List<String>) value);
      } catch (ConfigException e) {
        throw new ConfigException(name, value, e.getMessage());
      }
    }

    @Override
    public String toString() {
      return "list of value=namespace.table";
    }
  }

  /** Accepts 'namespace.table' with at least one namespace level and no empty parts. */
  static final class TableNameValidator implements ConfigDef.Validator {
    @Override
    public void ensureValid(String name, Object value) {
      String table = (String) value;
      if (table == null || !table.matches("[^.\\s]+(\\.[^.\\s]+)+")) {
        throw new ConfigException(name, value,
            "give the table as 'namespace.table', for example 'demo.subscription_events'");
      }
    }

    @Override
    public String toString() {
      return "namespace.table";
    }
  }
}
