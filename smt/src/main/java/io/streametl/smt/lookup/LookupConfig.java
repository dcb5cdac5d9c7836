package io.streametl.smt.lookup;

import io.streametl.common.fieldpath.FieldPath;
import io.streametl.common.fieldpath.FieldPathValidator;
import io.streametl.common.fieldpath.PathPairs;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.transforms.util.SimpleConfig;

/** The configuration of {@link Lookup}: what to look up, where, and what a miss means. */
final class LookupConfig {

  static final String KEY_FIELD = "key.field";
  static final String FIELDS = "fields";
  static final String MISSING_KEY = "missing.key";
  static final String DEFAULTS = "defaults";
  static final String SOURCE = "source";
  static final String FILE_PATH = "file.path";
  static final String FILE_FORMAT = "file.format";
  static final String FILE_KEY_COLUMN = "file.key.column";
  static final String FILE_RELOAD_INTERVAL_MS = "file.reload.interval.ms";
  static final String TOPIC_NAME = "topic.name";
  static final String TOPIC_CONSUMER_PREFIX = "topic.consumer.";
  static final String TOPIC_BOOTSTRAP_SERVERS =
      TOPIC_CONSUMER_PREFIX + ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG;
  static final String TOPIC_INITIAL_LOAD_TIMEOUT_MS = "topic.initial.load.timeout.ms";

  private static final String LOOKUP_GROUP = "Lookup";
  private static final String FILE_GROUP = "Reference file";
  private static final String TOPIC_GROUP = "Reference topic";

  private final FieldPath keyField;
  private final Map<String, FieldPath> columns;
  private final MissingKeyPolicy missingKey;
  private final Map<String, String> defaults;
  private final SimpleConfig config;

  LookupConfig(Map<String, ?> props) {
    config = new SimpleConfig(Lookup.CONFIG_DEF, props);
    keyField = FieldPath.parse(config.getString(KEY_FIELD).trim());
    columns = parseColumns(config.getList(FIELDS));
    missingKey = MissingKeyPolicy.valueOf(config.getString(MISSING_KEY).toUpperCase(Locale.ROOT));
    defaults = parseDefaults(config.getList(DEFAULTS), columns);
    String source = config.getString(SOURCE);
    if (source.equals("file")) {
      require(FILE_PATH, "file");
      require(FILE_KEY_COLUMN, "file");
    } else {
      require(TOPIC_NAME, "topic");
      Object servers = config.originalsWithPrefix(TOPIC_CONSUMER_PREFIX)
          .get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG);
      if (servers == null || servers.toString().isBlank()) {
        throw new ConfigException(TOPIC_BOOTSTRAP_SERVERS, "",
            "is required when source=topic: a transform cannot use the worker's consumer, so give"
                + " the brokers of the reference topic (host:port,...)");
      }
    }
  }

  private void require(String key, String source) {
    if (config.getString(key).isBlank()) {
      throw new ConfigException(key, "", "is required when " + SOURCE + "=" + source);
    }
  }

  static Map<String, FieldPath> parseColumns(List<String> entries) {
    if (entries.isEmpty()) {
      throw new ConfigException(FIELDS, "", "give at least one column:path entry");
    }
    Map<String, FieldPath> parsed = new LinkedHashMap<>();
    for (String entry : entries) {
      Map.Entry<String, FieldPath> pair;
      try {
        pair = PathPairs.textThenPath(entry, "plan_name:_plan.name");
      } catch (ConfigException e) {
        throw new ConfigException(FIELDS, entry, e.getMessage());
      }
      for (FieldPath earlier : parsed.values()) {
        if (earlier.overlaps(pair.getValue())) {
          throw new ConfigException(FIELDS, entry,
              "the field '" + pair.getValue() + "' collides with '" + earlier + "'");
        }
      }
      parsed.put(pair.getKey(), pair.getValue());
    }
    return parsed;
  }

  private static Map<String, String> parseDefaults(List<String> entries, Map<String, FieldPath> columns) {
    Map<String, String> parsed = new HashMap<>();
    for (String entry : entries) {
      int colon = entry.indexOf(':');
      if (colon <= 0) {
        throw new ConfigException(DEFAULTS, entry, "expected column:value, e.g. plan_name:unknown");
      }
      String column = entry.substring(0, colon).trim();
      if (!columns.containsKey(column)) {
        throw new ConfigException(DEFAULTS, entry,
            "'" + column + "' is not one of the looked-up columns " + columns.keySet());
      }
      parsed.put(column, entry.substring(colon + 1).trim());
    }
    return parsed;
  }

  /** Opens the configured reference data. */
  ReferenceTable openTable(Clock clock, LookupConsumerFactory consumers) {
    if (config.getString(SOURCE).equals("file")) {
      String file = config.getString(FILE_PATH);
      try {
        return new ReferenceFile(Path.of(file),
            ReferenceFileFormat.parse(config.getString(FILE_FORMAT)),
            config.getString(FILE_KEY_COLUMN),
            config.getLong(FILE_RELOAD_INTERVAL_MS),
            clock);
      } catch (IllegalArgumentException e) {
        throw new ConfigException(FILE_PATH, file, "cannot load the reference file: " + e.getMessage());
      }
    }
    String topic = config.getString(TOPIC_NAME);
    Map<String, Object> props = new HashMap<>(config.originalsWithPrefix(TOPIC_CONSUMER_PREFIX));
    // Assigned partitions, read from the start, no group: every task holds the whole table.
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "streametl-lookup-" + topic);
    return new ReferenceTopic(topic, consumers.create(props),
        config.getLong(TOPIC_INITIAL_LOAD_TIMEOUT_MS)).start();
  }

  FieldPath keyField() {
    return keyField;
  }

  /** Reference column to target field, in the order given. */
  Map<String, FieldPath> columns() {
    return columns;
  }

  MissingKeyPolicy missingKey() {
    return missingKey;
  }

  /** Default values by column, for the default policy. */
  Map<String, String> defaults() {
    return defaults;
  }

  static ConfigDef configDef() {
    ConfigDef def = new ConfigDef();
    def.define(KEY_FIELD, ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE,
        FieldPathValidator.optionalSingle(), ConfigDef.Importance.HIGH,
        "The field whose value is the lookup key, as a KIP-821 field path. Strings are used as"
            + " they are, numbers by value (7 and 7.0 find the row \"7\"), booleans as true/false."
            + " A record without the field, or with null, finds no row.",
        LOOKUP_GROUP, 1, ConfigDef.Width.MEDIUM, "Key field");
    def.define(FIELDS, ConfigDef.Type.LIST, ConfigDef.NO_DEFAULT_VALUE, new ColumnsValidator(),
        ConfigDef.Importance.HIGH,
        "Which reference column goes to which field, as comma-separated column:path entries,"
            + " e.g. plan_name:_plan.name,tier:_plan.tier. Values are written as strings (numbers"
            + " and booleans as text; use Kafka's Cast to change types); in Struct values the"
            + " fields are optional strings.",
        LOOKUP_GROUP, 2, ConfigDef.Width.LONG, "Fields");
    def.define(MISSING_KEY, ConfigDef.Type.STRING, "leave",
        ConfigDef.ValidString.in("leave", "default", "fail"), ConfigDef.Importance.MEDIUM,
        "When no row has the key: leave (the fields stay null in Structs and are not added to"
            + " Maps), default (write " + DEFAULTS + ") or fail (a DataException naming the key"
            + " field, never the key, so a sink's dead-letter queue receives the record).",
        LOOKUP_GROUP, 3, ConfigDef.Width.SHORT, "Missing key");
    def.define(DEFAULTS, ConfigDef.Type.LIST, "", ConfigDef.Importance.LOW,
        "Values for missing.key=default, as comma-separated column:value entries; columns"
            + " without one get null.",
        LOOKUP_GROUP, 4, ConfigDef.Width.LONG, "Defaults");
    def.define(SOURCE, ConfigDef.Type.STRING, "file", ConfigDef.ValidString.in("file", "topic"),
        ConfigDef.Importance.HIGH,
        "Where the reference data comes from: file (CSV or JSON lines on every worker,"
            + " reloaded when it changes) or topic (a compacted Kafka topic read in the background"
            + " from the beginning by each task).",
        LOOKUP_GROUP, 5, ConfigDef.Width.SHORT, "Source");
    def.define(FILE_PATH, ConfigDef.Type.STRING, "", ConfigDef.Importance.HIGH,
        "The reference file (UTF-8), on every worker.",
        FILE_GROUP, 1, ConfigDef.Width.LONG, "File");
    def.define(FILE_FORMAT, ConfigDef.Type.STRING, "csv", ConfigDef.ValidString.in("csv", "jsonl"),
        ConfigDef.Importance.MEDIUM,
        "csv: a header row naming the columns, then RFC 4180 rows; jsonl: one JSON object per"
            + " line, its properties the columns (nested values as JSON text).",
        FILE_GROUP, 2, ConfigDef.Width.SHORT, "Format");
    def.define(FILE_KEY_COLUMN, ConfigDef.Type.STRING, "", ConfigDef.Importance.HIGH,
        "The column (or JSON property) holding each row's key; a later row with the same key"
            + " wins.",
        FILE_GROUP, 3, ConfigDef.Width.MEDIUM, "Key column");
    def.define(FILE_RELOAD_INTERVAL_MS, ConfigDef.Type.LONG, 30_000L, ConfigDef.Range.atLeast(0),
        ConfigDef.Importance.LOW,
        "How often, at most, the file's modification time and size are checked; when they"
            + " changed, the file is read again. A file that fails to parse keeps the previous"
            + " rows (logged). 0 never reloads.",
        FILE_GROUP, 4, ConfigDef.Width.SHORT, "Reload interval (ms)");
    def.define(TOPIC_NAME, ConfigDef.Type.STRING, "", ConfigDef.Importance.HIGH,
        "The compacted topic: keys are lookup keys (strings), values JSON objects whose"
            + " properties are the columns; a tombstone deletes a key.",
        TOPIC_GROUP, 1, ConfigDef.Width.MEDIUM, "Topic");
    def.define(TOPIC_BOOTSTRAP_SERVERS, ConfigDef.Type.STRING, "", ConfigDef.Importance.HIGH,
        "The brokers of the reference topic, required when source=topic. Other consumer"
            + " settings take the same " + TOPIC_CONSUMER_PREFIX + " prefix (e.g. "
            + TOPIC_CONSUMER_PREFIX + "security.protocol); put secrets in a config provider.",
        TOPIC_GROUP, 2, ConfigDef.Width.LONG, "Brokers");
    def.define(TOPIC_INITIAL_LOAD_TIMEOUT_MS, ConfigDef.Type.LONG, 30_000L,
        ConfigDef.Range.atLeast(0), ConfigDef.Importance.LOW,
        "How long the first lookup waits for the topic to be read up to where it ended when"
            + " the task started. After that, keys not read yet follow " + MISSING_KEY
            + " (with a WARN in the log).",
        TOPIC_GROUP, 3, ConfigDef.Width.SHORT, "Initial load timeout (ms)");
    return def;
  }

  /** Checks the column mappings with the parser the constructor uses. */
  private static final class ColumnsValidator implements ConfigDef.Validator {
    @Override
    public void ensureValid(String name, Object value) {
      if (value instanceof List) {
        parseColumns(((List<?>) value).stream().map(String::valueOf).toList());
      }
    }

    @Override
    public String toString() {
      return "non-empty list of column:path";
    }
  }
}
