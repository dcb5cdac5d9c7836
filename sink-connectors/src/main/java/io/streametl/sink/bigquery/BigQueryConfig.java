package io.streametl.sink.bigquery;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * The "BigQuery" group of the sink's configuration, used when {@code destination=bigquery}. The
 * sink's {@code CONFIG_DEF} includes it through {@link #addTo}; {@link #settings} reads it back
 * with the cross-field checks. Nothing here contacts BigQuery: a connector config validates
 * offline (credentials are read when a task starts).
 */
public final class BigQueryConfig {

  public static final String PROJECT = "bigquery.project";
  public static final String DATASET = "bigquery.dataset";
  public static final String LOCATION = "bigquery.location";
  public static final String TABLE = "bigquery.table";
  public static final String AUTO_CREATE = "bigquery.table.auto-create";
  public static final String PARTITION_BY = "bigquery.table.partition-by";
  public static final String CLUSTER_BY = "bigquery.table.cluster-by";
  public static final String EVOLVE_SCHEMA = "bigquery.table.evolve-schema";
  public static final String LEDGER_TABLE = "bigquery.ledger.table";
  public static final String STATE_TABLE = "bigquery.state.table";
  public static final String LEDGER_RETENTION = "bigquery.ledger.retention";
  public static final String FOLD_VIEWS = "bigquery.aggregates.views";
  public static final String CREDENTIALS_FILE = "bigquery.credentials.file";
  public static final String CREDENTIALS_JSON = "bigquery.credentials.json";
  public static final String REST_ENDPOINT = "bigquery.endpoint.rest";
  public static final String GRPC_ENDPOINT = "bigquery.endpoint.grpc";
  public static final String PLAINTEXT = "bigquery.endpoint.plaintext";
  public static final String MAX_REQUEST_BYTES = "bigquery.append.max-request-bytes";
  public static final String RETRY_MAX_ATTEMPTS = "bigquery.retry.max-attempts";
  public static final String RETRY_INITIAL_BACKOFF_MS = "bigquery.retry.initial-backoff.ms";
  public static final String RETRY_MAX_BACKOFF_MS = "bigquery.retry.max-backoff.ms";

  /** BigQuery's cap on one AppendRows request. */
  public static final int APPEND_REQUEST_CAP = 10 * 1024 * 1024;

  private static final String GROUP = "BigQuery";
  /** The offsets refresh of the maintenance group, which is the ledger's heartbeat. */
  private static final String OFFSETS_REFRESH = "maintenance.offsets.refresh.interval";
  /** A day partition holds rows up to a day younger than its start, which is what expiration counts from. */
  static final Duration PARTITION_SPAN = Duration.ofDays(1);
  static final Duration MIN_RETENTION = Duration.ofDays(2);
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,1023}");
  private static final Pattern PROJECT_ID = Pattern.compile("[a-z][a-z0-9.:-]{2,62}|");
  private static final Pattern PARTITION = Pattern.compile("(?i)(hour|day|month|year)\\((\\w+)\\)|ingestion-(hour|day|month|year)|");

  private BigQueryConfig() {}

  /** Adds the BigQuery group to the sink's ConfigDef. */
  public static ConfigDef addTo(ConfigDef def) {
    int order = 0;
    return def
        .define(PROJECT, Type.STRING, "", new Matching(PROJECT_ID, "a Google Cloud project id, e.g. my-project"),
            Importance.HIGH, "The Google Cloud project that holds the dataset (and is billed for the writes). "
                + "Required with destination=bigquery.",
            GROUP, ++order, Width.MEDIUM, "Project")
        .define(DATASET, Type.STRING, "", new Matching(Pattern.compile(NAME.pattern() + "|"), "a dataset name"),
            Importance.HIGH, "The BigQuery dataset of the events, aggregates, ledger and state tables; created (in "
                + LOCATION + ") when missing and " + AUTO_CREATE + " is true. Required with destination=bigquery.",
            GROUP, ++order, Width.MEDIUM, "Dataset")
        .define(LOCATION, Type.STRING, "US", new ConfigDef.NonEmptyString(), Importance.LOW,
            "Location of an auto-created dataset, e.g. US, EU or europe-west1.",
            GROUP, ++order, Width.SHORT, "Location")
        .define(TABLE, Type.STRING, "", new Matching(Pattern.compile(NAME.pattern() + "|"), "a table name"),
            Importance.HIGH, "The events table in the dataset. Aggregations write their partial rows to "
                + "'aggregation.<name>.table' (as dataset.table), by default this table followed by "
                + "'_<name>'. Required with destination=bigquery.",
            GROUP, ++order, Width.MEDIUM, "Events table")
        .define(AUTO_CREATE, Type.BOOLEAN, true, Importance.MEDIUM,
            "Create the dataset and tables when missing: the events table from the first valid record's schema "
                + "(every column NULLABLE), aggregates tables from their first partial rows, with a view that folds "
                + "them. The ledger and state tables are always created when missing.",
            GROUP, ++order, Width.SHORT, "Auto-create")
        .define(PARTITION_BY, Type.STRING, "", new Matching(PARTITION,
                "HOUR(column), DAY(column), MONTH(column), YEAR(column), ingestion-day (or -hour, -month, -year), or empty"),
            Importance.MEDIUM, "Time partitioning of an auto-created events table: DAY(event_time) partitions by a "
                + "TIMESTAMP or DATE column, ingestion-day by load time. Empty: unpartitioned. Aggregates tables are "
                + "partitioned by DAY(window_start).",
            GROUP, ++order, Width.MEDIUM, "Partition by")
        .define(CLUSTER_BY, Type.LIST, "", new ClusterColumns(), Importance.LOW,
            "Up to four top-level columns to cluster an auto-created events table by, e.g. 'region,event_type'. "
                + "Aggregates tables are clustered by their first four group-by columns.",
            GROUP, ++order, Width.MEDIUM, "Cluster by")
        .define(EVOLVE_SCHEMA, Type.BOOLEAN, true, Importance.MEDIUM,
            "Add a NULLABLE column (nested ones inside their RECORD) when a record has a field the table lacks, "
                + "then write the record. BigQuery has one integer type (INT64) and one floating type (FLOAT64), so "
                + "narrower Connect types need no widening; integers are written to FLOAT64 columns and NUMERIC to "
                + "BIGNUMERIC. Any other mismatch (a string where a number was) sends the record to the dead-letter "
                + "queue with the column and the expected type in the reason, and leaves the table unchanged. When "
                + "false, every record that does not fit the table goes to the dead-letter queue.",
            GROUP, ++order, Width.SHORT, "Evolve schema")
        .define(LEDGER_TABLE, Type.STRING, "streametl_ledger", new Matching(NAME, "a table name"), Importance.LOW,
            "The table in the dataset where each task records, in one atomic commit per cycle, the Kafka offsets it "
                + "resumes from, its dedup/aggregation state and the write streams of the cycle's rows: the decision "
                + "point of the exactly-once commit (docs/decisions/0006). Shared by connectors (rows carry the "
                + "connector name).",
            GROUP, ++order, Width.MEDIUM, "Ledger table")
        .define(STATE_TABLE, Type.STRING, "streametl_state", new Matching(NAME, "a table name"), Importance.LOW,
            "The table in the dataset holding the dedup state files, in chunks, so that a partition's state moves "
                + "with it to any worker. A file is referenced by the ledger only after it is committed here.",
            GROUP, ++order, Width.MEDIUM, "State table")
        .define(LEDGER_RETENTION, Type.STRING, "30d", new RetentionValidator(), Importance.LOW,
            "How long the ledger and state tables keep what no task needs any more. Both tables are partitioned by "
                + "the day of their rows' commit time, and BigQuery deletes a day's partition this long after the "
                + "day starts (partition expiration). Rows a task needs are kept young: the offsets refresh ("
                + OFFSETS_REFRESH + ") records every assigned partition's position again, and a dedup state file "
                + "still referenced is written again once older than half the retention less a day. A connector that "
                + "is stopped for longer than this loses its recorded positions and dedup state (docs/bigquery.md). "
                + "0: partitions never expire. Applies to tables this version creates; an existing partitioned "
                + "table's expiration is only ever lengthened to this (connectors may share the tables).",
            GROUP, ++order, Width.SHORT, "Ledger retention")
        .define(FOLD_VIEWS, Type.BOOLEAN, true, Importance.LOW,
            "Create, for each aggregation, a view '<aggregates table>_folded' that folds the partial rows into one "
                + "row per window and group (SUM, MIN, MAX; see docs/bigquery.md for distinct counts).",
            GROUP, ++order, Width.SHORT, "Fold views")
        .define(CREDENTIALS_FILE, Type.STRING, "", Importance.HIGH,
            "Path, on every worker, of a service-account key file (JSON). Empty, with " + CREDENTIALS_JSON
                + " empty too: application default credentials (GOOGLE_APPLICATION_CREDENTIALS, the metadata server "
                + "on Google Cloud).",
            GROUP, ++order, Width.LONG, "Key file")
        .define(CREDENTIALS_JSON, Type.PASSWORD, "", Importance.HIGH,
            "A service-account key inline, as JSON text (never logged). Use with a config provider, e.g. "
                + "${file:/secrets/bq.properties:key}. Set at most one of " + CREDENTIALS_FILE + " and this.",
            GROUP, ++order, Width.LONG, "Key JSON")
        .define(REST_ENDPOINT, Type.STRING, "", new Matching(Pattern.compile("https?://\\S+|"),
                "an http(s) URL such as http://localhost:9050"), Importance.LOW,
            "Override of the BigQuery REST endpoint (datasets, tables, ledger reads), for an emulator or a test "
                + "fake, e.g. http://localhost:9050. Empty: https://bigquery.googleapis.com.",
            GROUP, ++order, Width.MEDIUM, "REST endpoint")
        .define(GRPC_ENDPOINT, Type.STRING, "", new Matching(Pattern.compile("[^\\s:/]+:\\d{1,5}|"), "host:port"),
            Importance.LOW, "Override of the Storage Write API endpoint as host:port, e.g. localhost:9060. Empty: "
                + "bigquerystorage.googleapis.com:443.",
            GROUP, ++order, Width.MEDIUM, "gRPC endpoint")
        .define(PLAINTEXT, Type.BOOLEAN, false, Importance.LOW,
            "Talk to the endpoints without TLS and without credentials: for emulators and fakes only.",
            GROUP, ++order, Width.SHORT, "Plaintext")
        .define(MAX_REQUEST_BYTES, Type.INT, 9 * 1024 * 1024,
            ConfigDef.Range.between(1024, APPEND_REQUEST_CAP - 64 * 1024), Importance.LOW,
            "Largest AppendRows request the sink sends; rows are split into requests below it, under BigQuery's "
                + "10 MB cap with room for the request's own fields.",
            GROUP, ++order, Width.SHORT, "Append request bytes")
        .define(RETRY_MAX_ATTEMPTS, Type.INT, 8, ConfigDef.Range.between(1, 100), Importance.LOW,
            "Attempts of a call that fails with a retryable code (UNAVAILABLE, RESOURCE_EXHAUSTED, INTERNAL, ABORTED, "
                + "DEADLINE_EXCEEDED) before the commit fails; the cycle's rows are kept uncommitted and read again.",
            GROUP, ++order, Width.SHORT, "Retry attempts")
        .define(RETRY_INITIAL_BACKOFF_MS, Type.LONG, 200L, ConfigDef.Range.between(1, 60_000), Importance.LOW,
            "First wait before a retry; each further wait doubles, with jitter, up to " + RETRY_MAX_BACKOFF_MS + ".",
            GROUP, ++order, Width.SHORT, "First backoff")
        .define(RETRY_MAX_BACKOFF_MS, Type.LONG, 30_000L, ConfigDef.Range.between(1, 600_000), Importance.LOW,
            "Longest wait between retries (quota exhaustion backs off up to this).",
            GROUP, ++order, Width.SHORT, "Longest backoff");
  }

  /**
   * Reads the BigQuery settings; fails naming the key when a required one is missing.
   *
   * @param aggregationTables each aggregation's configured table (null or blank: the default)
   */
  public static BigQuerySettings settings(AbstractConfig config, java.util.Map<String, String> aggregationTables) {
    String project = required(config, PROJECT);
    String dataset = required(config, DATASET);
    String table = required(config, TABLE);
    String keyFile = config.getString(CREDENTIALS_FILE).trim();
    Password keyJson = config.getPassword(CREDENTIALS_JSON);
    String json = keyJson == null ? "" : keyJson.value().trim();
    if (!keyFile.isEmpty() && !json.isEmpty()) {
      throw new ConfigException(CREDENTIALS_JSON, "[hidden]", "set either " + CREDENTIALS_FILE + " or "
          + CREDENTIALS_JSON + ", not both");
    }
    java.util.Map<String, TableRef> aggregates = new java.util.LinkedHashMap<>();
    aggregationTables.forEach((name, configured) -> aggregates.put(name,
        configured == null || configured.isBlank() ? new TableRef(project, dataset, table + "_" + name)
            : TableRef.parse(project, dataset, configured.trim())));
    Duration retention = retention(config);
    long initial = config.getLong(RETRY_INITIAL_BACKOFF_MS);
    long max = Math.max(initial, config.getLong(RETRY_MAX_BACKOFF_MS));
    return new BigQuerySettings(
        project, dataset, config.getString(LOCATION),
        new TableRef(project, dataset, table), aggregates,
        new TableRef(project, dataset, config.getString(LEDGER_TABLE)),
        new TableRef(project, dataset, config.getString(STATE_TABLE)),
        config.getBoolean(AUTO_CREATE), config.getString(PARTITION_BY).trim(), config.getList(CLUSTER_BY),
        config.getBoolean(EVOLVE_SCHEMA), config.getBoolean(FOLD_VIEWS),
        new BigQuerySettings.Connection(keyFile, json, config.getString(REST_ENDPOINT).trim(),
            config.getString(GRPC_ENDPOINT).trim(), config.getBoolean(PLAINTEXT)),
        config.getInt(MAX_REQUEST_BYTES),
        new RetryPolicy(config.getInt(RETRY_MAX_ATTEMPTS), Duration.ofMillis(initial), Duration.ofMillis(max)),
        retention);
  }

  /**
   * The retention, checked against the heartbeat that keeps needed rows young: the offsets refresh
   * must run, and often enough that a position is rewritten well before its partition can expire.
   */
  private static Duration retention(AbstractConfig config) {
    Duration retention = io.streametl.sink.state.Durations.parse(config.getString(LEDGER_RETENTION));
    if (retention.isZero() || !config.values().containsKey(OFFSETS_REFRESH)) {
      return retention;
    }
    Duration refresh = io.streametl.sink.state.Durations.parse(config.getString(OFFSETS_REFRESH));
    Duration renewAfter = renewAfter(retention);
    if (refresh.isZero() || refresh.compareTo(renewAfter) > 0) {
      throw new ConfigException(OFFSETS_REFRESH, config.getString(OFFSETS_REFRESH), "with " + LEDGER_RETENTION + "="
          + config.getString(LEDGER_RETENTION) + " the offsets refresh must run at least every "
          + io.streametl.sink.state.Durations.format(renewAfter) + " (half the retention less a day), or a recorded "
          + "position could expire; shorten it, lengthen the retention, or set " + LEDGER_RETENTION + "=0");
    }
    return retention;
  }

  /**
   * How old a row the task still needs may grow before it is written again: half of what is left of the
   * retention once a partition's own span is taken off, so a missed refresh or two never lets it expire.
   */
  static Duration renewAfter(Duration expiration) {
    return expiration.minus(PARTITION_SPAN).dividedBy(2);
  }

  /** 0, or a duration of at least two days. */
  static final class RetentionValidator implements ConfigDef.Validator {
    @Override
    public void ensureValid(String name, Object value) {
      Duration duration;
      try {
        duration = io.streametl.sink.state.Durations.parse(value == null ? "" : value.toString());
      } catch (IllegalArgumentException e) {
        throw new ConfigException(name, value, e.getMessage());
      }
      if (!duration.isZero() && duration.compareTo(MIN_RETENTION) < 0) {
        throw new ConfigException(name, value, "give 0 (keep everything) or at least 2d: a day partition expires "
            + "this long after its start, and the rows a task needs must be rewritten before that");
      }
    }

    @Override
    public String toString() {
      return "0, or a duration of at least 2d (e.g. 30d)";
    }
  }

  private static String required(AbstractConfig config, String key) {
    String value = config.getString(key).trim();
    if (value.isEmpty()) {
      throw new ConfigException(key, value, "required with destination=bigquery");
    }
    return value;
  }

  /** A string matching a pattern, with the expected form in the message. */
  static final class Matching implements ConfigDef.Validator {
    private final Pattern pattern;
    private final String expected;

    Matching(Pattern pattern, String expected) {
      this.pattern = pattern;
      this.expected = expected;
    }

    @Override
    public void ensureValid(String name, Object value) {
      String text = value == null ? "" : value.toString().trim();
      if (!pattern.matcher(text).matches()) {
        throw new ConfigException(name, value, "give " + expected);
      }
    }

    @Override
    public String toString() {
      return expected;
    }
  }

  /** At most four column names. */
  static final class ClusterColumns implements ConfigDef.Validator {
    @Override
    public void ensureValid(String name, Object value) {
      List<?> columns = (List<?>) value;
      if (columns.size() > 4) {
        throw new ConfigException(name, value, "BigQuery clusters by at most four columns");
      }
      for (Object column : columns) {
        if (!NAME.matcher(column.toString().trim()).matches()) {
          throw new ConfigException(name, value, "'" + column + "' is not a top-level column name");
        }
      }
    }

    @Override
    public String toString() {
      return "up to four column names";
    }
  }

  /** The partitioning type of a partition-by setting (DAY, HOUR, ...), upper case. */
  static String partitionType(String partitionBy) {
    java.util.regex.Matcher m = PARTITION.matcher(partitionBy);
    if (!m.matches() || partitionBy.isEmpty()) {
      return null;
    }
    return (m.group(1) != null ? m.group(1) : m.group(3)).toUpperCase(Locale.ROOT);
  }

  /** The partitioning column of a partition-by setting (null: by ingestion time). */
  static String partitionColumn(String partitionBy) {
    java.util.regex.Matcher m = PARTITION.matcher(partitionBy);
    return m.matches() ? m.group(2) : null;
  }
}
