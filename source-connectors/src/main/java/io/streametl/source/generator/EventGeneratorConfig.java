package io.streametl.source.generator;

import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;

/** The typed configuration of the event generator source connector. */
public final class EventGeneratorConfig extends AbstractConfig {

  private static final String GROUP_OUTPUT = "Output";
  private static final String GROUP_VOLUME = "Rate and volume";
  private static final String GROUP_QUALITY = "Data quality";
  private static final String GROUP_DETERMINISM = "Determinism";

  public static final String TOPIC_CONFIG = "topic";
  private static final String TOPIC_DOC = "The topic to write the events to.";

  public static final String OUTPUT_FORMAT_CONFIG = "output.format";
  public static final String OUTPUT_FORMAT_DEFAULT = OutputFormat.STRUCT.configValue();
  private static final String OUTPUT_FORMAT_DOC =
      "How to represent each event value. 'struct': a Connect Struct with the schema"
          + " io.streametl.events.SubscriptionEvent (amount a Decimal of scale 2, event_time a"
          + " Timestamp), for schema-aware converters. 'map': a schemaless Map (amount a Double,"
          + " event_time an ISO-8601 UTC string), for JsonConverter with schemas.enable=false."
          + " 'json': the event as UTF-8 JSON bytes with a BYTES schema, for ByteArrayConverter, as"
          + " an application that produces JSON would.";

  public static final String EVENTS_PER_SECOND_CONFIG = "events.per.second";
  public static final double EVENTS_PER_SECOND_DEFAULT = 100.0;
  private static final String EVENTS_PER_SECOND_DOC =
      "The connector's total rate, split evenly across its tasks; 0 means as fast as possible."
          + " With a rate, event times follow the wall clock: after downtime, or with an"
          + " event.time.start.ms in the past, the tasks catch up at full speed.";

  public static final String EVENTS_TOTAL_CONFIG = "events.total";
  public static final long EVENTS_TOTAL_DEFAULT = -1L;
  private static final String EVENTS_TOTAL_DOC =
      "How many events to generate in total across all tasks; -1 for no limit. Once a task has"
          + " generated its share it stays idle.";

  public static final String BATCH_SIZE_CONFIG = "batch.size";
  public static final int BATCH_SIZE_DEFAULT = 500;
  private static final String BATCH_SIZE_DOC = "The most records a task returns from one poll.";

  public static final String DUPLICATE_RATIO_CONFIG = "duplicate.ratio";
  private static final String DUPLICATE_RATIO_DOC =
      "Share of records that re-emit the record (same key, value and event time) of one of the"
          + " previous 1000 positions, as a retrying producer would.";

  public static final String LATE_RATIO_CONFIG = "late.ratio";
  private static final String LATE_RATIO_DOC =
      "Share of records that are valid events with an event time between 1x and 2x"
          + " late.delay.ms in the past.";

  public static final String INVALID_RATIO_CONFIG = "invalid.ratio";
  private static final String INVALID_RATIO_DOC =
      "Share of invalid records, split equally between a missing required field (user_id,"
          + " event_type or amount), an amount of the wrong type (a string such as \"12,50 EUR\"),"
          + " and an unparseable value (truncated JSON). The three ratios must sum to at most 1.";

  public static final String LATE_DELAY_MS_CONFIG = "late.delay.ms";
  public static final long LATE_DELAY_MS_DEFAULT = 10 * 60 * 1000L;
  private static final String LATE_DELAY_MS_DOC =
      "How late a late event is: its event time is between 1x and 2x this before its on-time value.";

  public static final String RANDOM_SEED_CONFIG = "random.seed";
  public static final long RANDOM_SEED_DEFAULT = 42L;
  private static final String RANDOM_SEED_DOC =
      "Seed of the event sequence: the same seed always generates the same events.";

  public static final String EVENT_TIME_START_MS_CONFIG = "event.time.start.ms";
  private static final String EVENT_TIME_START_MS_DOC =
      "Event time of the first event, in epoch milliseconds. Unset: the wall-clock time when the"
          + " connector first starts. Either way the start time is stored in the source offsets,"
          + " so a restart reproduces the same event times; a changed value applies only after the"
          + " connector's offsets are reset.";

  public static final ConfigDef CONFIG_DEF = configDef();

  public EventGeneratorConfig(Map<?, ?> originals) {
    super(CONFIG_DEF, originals, false);
    RatioCheck.problem(duplicateRatio(), lateRatio(), invalidRatio())
        .ifPresent(
            message -> {
              throw new ConfigException(message);
            });
  }

  private static ConfigDef configDef() {
    ConfigDef def = new ConfigDef();
    int order = 0;
    def.define(TOPIC_CONFIG, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, ConfigValidators.topicName(),
        Importance.HIGH, TOPIC_DOC, GROUP_OUTPUT, ++order, Width.MEDIUM, "Topic");
    def.define(OUTPUT_FORMAT_CONFIG, Type.STRING, OUTPUT_FORMAT_DEFAULT,
        ConfigDef.CaseInsensitiveValidString.in(formatNames()),
        Importance.HIGH, OUTPUT_FORMAT_DOC, GROUP_OUTPUT, ++order, Width.SHORT, "Output format");

    order = 0;
    def.define(EVENTS_PER_SECOND_CONFIG, Type.DOUBLE, EVENTS_PER_SECOND_DEFAULT,
        ConfigValidators.finiteAtLeast(0), Importance.HIGH, EVENTS_PER_SECOND_DOC,
        GROUP_VOLUME, ++order, Width.SHORT, "Events per second");
    def.define(EVENTS_TOTAL_CONFIG, Type.LONG, EVENTS_TOTAL_DEFAULT, ConfigDef.Range.atLeast(-1),
        Importance.MEDIUM, EVENTS_TOTAL_DOC, GROUP_VOLUME, ++order, Width.SHORT, "Total events");
    def.define(BATCH_SIZE_CONFIG, Type.INT, BATCH_SIZE_DEFAULT, ConfigDef.Range.atLeast(1),
        Importance.LOW, BATCH_SIZE_DOC, GROUP_VOLUME, ++order, Width.SHORT, "Batch size");

    order = 0;
    def.define(DUPLICATE_RATIO_CONFIG, Type.DOUBLE, 0.0, ConfigValidators.finiteBetween(0, 1),
        Importance.MEDIUM, DUPLICATE_RATIO_DOC, GROUP_QUALITY, ++order, Width.SHORT, "Duplicate ratio");
    def.define(LATE_RATIO_CONFIG, Type.DOUBLE, 0.0, ConfigValidators.finiteBetween(0, 1),
        Importance.MEDIUM, LATE_RATIO_DOC, GROUP_QUALITY, ++order, Width.SHORT, "Late ratio");
    def.define(INVALID_RATIO_CONFIG, Type.DOUBLE, 0.0, ConfigValidators.finiteBetween(0, 1),
        Importance.MEDIUM, INVALID_RATIO_DOC, GROUP_QUALITY, ++order, Width.SHORT, "Invalid ratio");
    def.define(LATE_DELAY_MS_CONFIG, Type.LONG, LATE_DELAY_MS_DEFAULT, ConfigDef.Range.atLeast(1),
        Importance.LOW, LATE_DELAY_MS_DOC, GROUP_QUALITY, ++order, Width.SHORT, "Late delay (ms)");

    order = 0;
    def.define(RANDOM_SEED_CONFIG, Type.LONG, RANDOM_SEED_DEFAULT, Importance.MEDIUM,
        RANDOM_SEED_DOC, GROUP_DETERMINISM, ++order, Width.SHORT, "Random seed");
    def.define(EVENT_TIME_START_MS_CONFIG, Type.LONG, null, ConfigValidators.optionalAtLeast(0),
        Importance.LOW, EVENT_TIME_START_MS_DOC, GROUP_DETERMINISM, ++order, Width.MEDIUM,
        "Event time start (ms)");
    return def;
  }

  private static String[] formatNames() {
    OutputFormat[] formats = OutputFormat.values();
    String[] names = new String[formats.length];
    for (int i = 0; i < formats.length; i++) {
      names[i] = formats[i].configValue();
    }
    return names;
  }

  public String topic() {
    return getString(TOPIC_CONFIG);
  }

  public OutputFormat outputFormat() {
    return OutputFormat.parse(getString(OUTPUT_FORMAT_CONFIG));
  }

  public double eventsPerSecond() {
    return getDouble(EVENTS_PER_SECOND_CONFIG);
  }

  /** Total events across all tasks, or -1 for no limit. */
  public long eventsTotal() {
    return getLong(EVENTS_TOTAL_CONFIG);
  }

  public int batchSize() {
    return getInt(BATCH_SIZE_CONFIG);
  }

  public double duplicateRatio() {
    return getDouble(DUPLICATE_RATIO_CONFIG);
  }

  public double lateRatio() {
    return getDouble(LATE_RATIO_CONFIG);
  }

  public double invalidRatio() {
    return getDouble(INVALID_RATIO_CONFIG);
  }

  public long lateDelayMs() {
    return getLong(LATE_DELAY_MS_CONFIG);
  }

  public long randomSeed() {
    return getLong(RANDOM_SEED_CONFIG);
  }

  /** The configured start of event time, or null when the connector picks it at first start. */
  public Long eventTimeStartMs() {
    return getLong(EVENT_TIME_START_MS_CONFIG);
  }

  /** The factory settings for this config, with the given event time of position 0. */
  public GeneratorSettings generatorSettings(long startMs) {
    return new GeneratorSettings(
        randomSeed(), startMs, eventsPerSecond(), duplicateRatio(), lateRatio(), invalidRatio(),
        lateDelayMs());
  }
}
