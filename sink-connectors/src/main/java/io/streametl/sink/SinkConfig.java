package io.streametl.sink;

import io.streametl.sink.bigquery.BigQueryConfig;
import io.streametl.sink.bigquery.BigQuerySettings;
import io.streametl.sink.iceberg.PartitionSpecParser;
import io.streametl.sink.iceberg.maintenance.MaintenanceConfig;
import io.streametl.sink.iceberg.maintenance.MaintenanceSettings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;
import io.streametl.common.fieldpath.FieldPath;
import io.streametl.sink.state.aggregate.AggregationConfig;
import io.streametl.sink.state.aggregate.AggregationSpec;
import io.streametl.sink.state.dedup.DedupClock;
import io.streametl.sink.state.dedup.DedupKey;

/**
 * The typed configuration of the dedup/aggregate sink. Pass-through property families
 * ({@code iceberg.catalog.*}, {@code iceberg.table.properties.*}) are read from the original
 * properties, as Iceberg's own Kafka Connect sink does, so any catalog Iceberg supports can be
 * configured without this class knowing its keys.
 */
public final class SinkConfig extends AbstractConfig {

  public static final String CONNECTOR_NAME = "name";

  public static final String DESTINATION = "destination";
  public static final String DESTINATION_ICEBERG = "iceberg";
  public static final String DESTINATION_BIGQUERY = "bigquery";

  public static final String CATALOG_NAME = "iceberg.catalog";
  public static final String CATALOG_PREFIX = "iceberg.catalog.";
  public static final String HADOOP_PREFIX = "iceberg.hadoop.";
  public static final String TABLE = "iceberg.table";
  public static final String TABLE_AUTO_CREATE = "iceberg.table.auto-create";
  public static final String TABLE_PARTITION_BY = "iceberg.table.partition-by";
  public static final String TABLE_PROPERTIES_PREFIX = "iceberg.table.properties.";
  public static final String TABLE_EVOLVE_SCHEMA = "iceberg.table.evolve-schema";
  public static final String TABLES_ROUTE_BY = "iceberg.tables.route-by";
  public static final String TABLES_ROUTES = "iceberg.tables.routes";

  public static final String DEDUP_ENABLED = "dedup.enabled";
  public static final String DEDUP_KEY_FIELDS = "dedup.key.fields";
  public static final String DEDUP_TTL = "dedup.ttl";
  public static final String DEDUP_TIME = "dedup.time";
  public static final String DEDUP_TIME_MAX_AHEAD = "dedup.time.max-ahead";
  public static final String DEDUP_COMPACT_AFTER = "dedup.state.compact-after-files";
  public static final String RECORD_TIMESTAMP = "record-timestamp";
  public static final String AGGREGATION_TABLE = "table";

  public static final String COMMIT_INTERVAL_MS = "commit.interval.ms";
  public static final String COMMIT_MAX_RECORDS = "commit.max.records";
  public static final String COMMIT_MAX_BYTES = "commit.max.bytes";
  public static final String COMMIT_MAX_FAILURES = "commit.max.consecutive.failures";
  public static final String COMMIT_RETRY_BACKOFF_MS = "commit.retry.backoff.ms";
  public static final String COMMIT_RETRY_BACKOFF_MAX_MS = "commit.retry.backoff.max.ms";

  private static final String GROUP_ICEBERG = "Iceberg";
  private static final String GROUP_COMMIT = "Commits";
  private static final String GROUP_DEDUP = "Dedup";

  public static final ConfigDef CONFIG_DEF = BigQueryConfig.addTo(MaintenanceConfig.addTo(new ConfigDef(AggregationConfig.AGGREGATIONS_DEF)
      .define(DESTINATION, Type.STRING, DESTINATION_ICEBERG,
          ConfigDef.CaseInsensitiveValidString.in(DESTINATION_ICEBERG, DESTINATION_BIGQUERY), Importance.HIGH,
          "Where the rows go: '" + DESTINATION_ICEBERG + "' (the iceberg.* settings) or '" + DESTINATION_BIGQUERY
              + "' (the bigquery.* settings, docs/bigquery.md). Dedup, aggregation, commits and the dead-letter "
              + "queue work the same for both; each keeps the Kafka offsets in the destination itself.",
          "Destination", 1, Width.SHORT, "Destination")
      .define(CATALOG_NAME, Type.STRING, "streametl", new ConfigDef.NonEmptyString(), Importance.MEDIUM,
          "Name of the Iceberg catalog. Catalog properties are given as '" + CATALOG_PREFIX
              + "<property>', for example " + CATALOG_PREFIX + "type=jdbc, " + CATALOG_PREFIX
              + "uri=jdbc:sqlite:/data/catalog.db, " + CATALOG_PREFIX + "warehouse=file:///data/warehouse; "
              + "they are passed to Iceberg's CatalogUtil unchanged. The bundle ships the rest, jdbc and hadoop "
              + "catalogs and S3FileIO (io-impl=org.apache.iceberg.aws.s3.S3FileIO); Hadoop settings go in "
              + HADOOP_PREFIX + "<property>.",
          GROUP_ICEBERG, 1, Width.MEDIUM, "Catalog name")
      .define(TABLE, Type.STRING, null, new TableNameValidator(), Importance.HIGH,
          "The Iceberg table the events are written to, as 'namespace.table' (nested namespaces: 'a.b.table'). "
              + "Required with destination=iceberg.",
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
      .define(DEDUP_ENABLED, Type.BOOLEAN, false, Importance.HIGH,
          "Drop duplicates: keep the first record of each identity within " + DEDUP_TTL + ". Dedup is exact "
              + "within a Kafka partition, so duplicates must share a partition: key records by the event identity "
              + "(the sources of this bundle do). Duplicates are neither written nor aggregated.",
          GROUP_DEDUP, 1, Width.SHORT, "Dedup")
      .define(DEDUP_KEY_FIELDS, Type.LIST, "", new FieldPathListValidator(), Importance.HIGH,
          "Field paths whose values form the identity, e.g. 'event_id' or 'user_id,event_time'. Empty: the record "
              + "key. Records without an identity (a null key, a missing field) go to the dead-letter queue.",
          GROUP_DEDUP, 2, Width.LONG, "Identity fields")
      .define(DEDUP_TTL, Type.STRING, "1h", new DurationValidator(), Importance.HIGH,
          "How long an identity is remembered, measured on the dedup clock (" + DEDUP_TIME + "), never the wall "
              + "clock; state is bounded by the keys seen in this span (about 34-48 bytes of heap and 20 bytes "
              + "of storage per key). " + io.streametl.sink.state.Durations.SYNTAX + ".",
          GROUP_DEDUP, 3, Width.SHORT, "Time to live")
      .define(DEDUP_TIME, Type.STRING, RECORD_TIMESTAMP, new DedupTimeValidator(), Importance.MEDIUM,
          "The dedup clock: '" + RECORD_TIMESTAMP + "' (the Kafka record timestamp, i.e. processing time) or "
              + "the field path of an event time.",
          GROUP_DEDUP, 4, Width.MEDIUM, "Dedup clock")
      .define(DEDUP_TIME_MAX_AHEAD, Type.STRING, "1h", new DurationValidator(), Importance.LOW,
          "With an event-time clock: an event time further ahead of its record timestamp than this is capped, so "
              + "one wrong clock cannot expire every key. " + io.streametl.sink.state.Durations.SYNTAX + ".",
          GROUP_DEDUP, 5, Width.SHORT, "Max event time ahead")
      .define(DEDUP_COMPACT_AFTER, Type.INT, 20, ConfigDef.Range.between(1, 1000), Importance.LOW,
          "A partition's dedup state is saved as one delta file per commit; after this many files it is "
              + "rewritten as one base file, which bounds the files read when a partition is restored.",
          GROUP_DEDUP, 6, Width.SHORT, "Compact after files")
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
          GROUP_COMMIT, 4, Width.SHORT, "Commit failures before the task fails")
      .define(COMMIT_RETRY_BACKOFF_MS, Type.LONG, 1000L, ConfigDef.Range.atLeast(0), Importance.LOW,
          "Pause after a failed commit before the next attempt; it doubles with each failure in a "
              + "row up to commit.retry.backoff.max.ms. Meanwhile the task stops consuming (its "
              + "partitions are paused), so nothing piles up in memory.",
          GROUP_COMMIT, 5, Width.SHORT, "Backoff after a failed commit")
      .define(COMMIT_RETRY_BACKOFF_MAX_MS, Type.LONG, 30_000L, ConfigDef.Range.atLeast(0), Importance.LOW,
          "The longest pause between commit attempts after failures.",
          GROUP_COMMIT, 6, Width.SHORT, "Longest backoff after failed commits")));

  private final Map<String, String> originals;
  private final List<AggregationSpec> aggregations;
  private final MaintenanceSettings maintenance;
  private final BigQuerySettings bigQuery;   // null: the Iceberg destination

  public SinkConfig(Map<String, String> props) {
    super(CONFIG_DEF, props);
    this.originals = Map.copyOf(props);
    this.aggregations = AggregationConfig.parse(props);
    this.maintenance = MaintenanceConfig.settings(this);
    for (AggregationSpec spec : aggregations) {
      String key = AggregationConfig.key(spec.name(), AGGREGATION_TABLE);
      if (originals.containsKey(key)) {
        new TableNameValidator().ensureValid(key, originals.get(key));
      }
    }
    if (isBigQuery()) {
      if (!getString(TABLES_ROUTE_BY).isBlank()) {
        throw new ConfigException(TABLES_ROUTE_BY, getString(TABLES_ROUTE_BY),
            "routing to several tables is not supported with destination=bigquery yet; remove it");
      }
      this.bigQuery = BigQueryConfig.settings(this, aggregationTableSettings());
      return;
    }
    this.bigQuery = null;
    if (getString(TABLE) == null) {
      throw new ConfigException(TABLE, null, "required with destination=iceberg: give the table as "
          + "'namespace.table', for example 'demo.subscription_events'");
    }
    if (!catalogProperties().containsKey("type") && !catalogProperties().containsKey("catalog-impl")) {
      throw new ConfigException(CATALOG_PREFIX + "type", null,
          "set the Iceberg catalog type (rest, jdbc or hadoop ship in the bundle) or "
              + CATALOG_PREFIX + "catalog-impl");
    }
  }

  public boolean isBigQuery() {
    return DESTINATION_BIGQUERY.equalsIgnoreCase(getString(DESTINATION));
  }

  /** The BigQuery destination's settings (with destination=bigquery). */
  public BigQuerySettings bigQuery() {
    if (bigQuery == null) {
      throw new IllegalStateException("destination is not bigquery");
    }
    return bigQuery;
  }

  /** Each aggregation's configured table (null: the default). */
  private Map<String, String> aggregationTableSettings() {
    Map<String, String> tables = new java.util.LinkedHashMap<>();
    aggregations.forEach(spec -> tables.put(spec.name(),
        originals.get(AggregationConfig.key(spec.name(), AGGREGATION_TABLE))));
    return tables;
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

  /** Hadoop settings with the {@code iceberg.hadoop.} prefix removed (e.g. fs.s3a.endpoint). */
  public Map<String, String> hadoopProperties() {
    return withPrefix(HADOOP_PREFIX);
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

  /** The dedup settings, or empty when dedup is off. */
  public java.util.Optional<DedupSettings> dedup() {
    if (!getBoolean(DEDUP_ENABLED)) {
      return java.util.Optional.empty();
    }
    List<String> fields = getList(DEDUP_KEY_FIELDS);
    DedupKey key = fields.isEmpty() ? DedupKey.recordKey() : DedupKey.fields(FieldPath.parseAll(fields));
    String time = getString(DEDUP_TIME).trim();
    DedupClock clock = time.equals(RECORD_TIMESTAMP) ? DedupClock.recordTimestamp()
        : DedupClock.eventTime(FieldPath.parse(time),
            java.util.Optional.of(io.streametl.sink.state.Durations.parse(getString(DEDUP_TIME_MAX_AHEAD))));
    return java.util.Optional.of(new DedupSettings(key, clock,
        io.streametl.sink.state.Durations.parse(getString(DEDUP_TTL)), getInt(DEDUP_COMPACT_AFTER)));
  }

  /** The configured aggregations (validated when this config was built). */
  public List<AggregationSpec> aggregations() {
    return aggregations;
  }

  /** The table of an aggregation's partial rows: 'aggregation.NAME.table', or the events table + '_NAME'. */
  public String aggregationTable(String name) {
    String table = originals.get(AggregationConfig.key(name, AGGREGATION_TABLE));
    return table == null || table.isBlank() ? table() + "_" + name : table.trim();
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

  public long commitRetryBackoffMs() {
    return getLong(COMMIT_RETRY_BACKOFF_MS);
  }

  public long commitRetryBackoffMaxMs() {
    return getLong(COMMIT_RETRY_BACKOFF_MAX_MS);
  }

  /** Snapshot expiry, compaction and the offsets refresh (validated when this config was built). */
  public MaintenanceSettings maintenance() {
    return maintenance;
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

  /** A list of field paths, parsed as dedup parses them. */
  static final class FieldPathListValidator implements ConfigDef.Validator {
    @Override
    public void ensureValid(String name, Object value) {
      for (Object path : (List<?>) value) {
        try {
          FieldPath.parse(path.toString());
        } catch (ConfigException e) {
          throw new ConfigException(name, value, e.getMessage());
        }
      }
    }

    @Override
    public String toString() {
      return "list of field paths";
    }
  }

  /** A duration such as 90s, 10m, 1h or 7d. */
  static final class DurationValidator implements ConfigDef.Validator {
    @Override
    public void ensureValid(String name, Object value) {
      try {
        io.streametl.sink.state.Durations.parse((String) value);
      } catch (IllegalArgumentException e) {
        throw new ConfigException(name, value, e.getMessage());
      }
    }

    @Override
    public String toString() {
      return io.streametl.sink.state.Durations.SYNTAX;
    }
  }

  /** 'record-timestamp' or a field path. */
  static final class DedupTimeValidator implements ConfigDef.Validator {
    @Override
    public void ensureValid(String name, Object value) {
      String time = value == null ? "" : value.toString().trim();
      if (!time.equals(RECORD_TIMESTAMP)) {
        try {
          FieldPath.parse(time);
        } catch (ConfigException e) {
          throw new ConfigException(name, value, "give '" + RECORD_TIMESTAMP + "' or the field path of an event "
              + "time: " + e.getMessage());
        }
      }
    }

    @Override
    public String toString() {
      return "'" + RECORD_TIMESTAMP + "' or a field path";
    }
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
      if (value == null && name.equals(TABLE)) {
        return; // required with destination=iceberg only: checked with the other settings
      }
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
