package io.streametl.sink.iceberg.maintenance;

import io.streametl.sink.state.Durations;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;

/**
 * The "Maintenance" group of the sink's configuration: snapshot expiry, small-file compaction and
 * the offsets refresh that keeps expiry safe (docs/decisions/0005). The sink's {@code CONFIG_DEF}
 * includes it through {@link #addTo}; {@link #settings} reads it back, with the cross-field checks.
 */
public final class MaintenanceConfig {

  public static final String ENABLED = "maintenance.enabled";
  public static final String INTERVAL = "maintenance.interval";
  public static final String MAX_DURATION = "maintenance.max-duration";
  public static final String SNAPSHOTS_MAX_AGE = "maintenance.snapshots.max-age";
  public static final String SNAPSHOTS_RETAIN_LAST = "maintenance.snapshots.retain-last";
  public static final String OFFSETS_REFRESH_INTERVAL = "maintenance.offsets.refresh.interval";
  public static final String OFFSETS_FORGET = "maintenance.offsets.forget";
  public static final String COMPACTION_ENABLED = "maintenance.compaction.enabled";
  public static final String COMPACTION_MIN_FILES = "maintenance.compaction.min-files";
  public static final String COMPACTION_MIN_AGE = "maintenance.compaction.min-age";
  public static final String COMPACTION_TARGET_FILE_SIZE = "maintenance.compaction.target-file-size";
  public static final String MAX_FILES_PER_RUN = "maintenance.max-files-per-run";
  public static final String MAX_BYTES_PER_RUN = "maintenance.max-bytes-per-run";

  private static final String GROUP = "Maintenance";
  private static final long MIB = 1024L * 1024;

  private MaintenanceConfig() {}

  /** Adds the Maintenance group to the sink's ConfigDef. */
  public static ConfigDef addTo(ConfigDef def) {
    int order = 0;
    return def
        .define(ENABLED, Type.BOOLEAN, true, Importance.MEDIUM,
            "Maintain the connector's Iceberg tables (the events table, routed tables and aggregate tables) from "
                + "inside the sink, with Iceberg's core APIs and no Spark or Flink: expire old snapshots, compact the "
                + "small files of closed partitions, and delete dedup state files no snapshot references any more. "
                + "Task 0 runs it between its own commits; a failed run is logged and retried at the next, and never "
                + "stops the task or touches the Kafka offsets recorded in the tables.",
            GROUP, ++order, Width.SHORT, "Maintenance")
        .define(INTERVAL, Type.STRING, "1h", new DurationAtLeast(Duration.ofMinutes(1), false), Importance.MEDIUM,
            "Time between maintenance runs. The first run comes after this interval or 10 minutes, whichever is "
                + "shorter. " + Durations.SYNTAX + "; at least 1m.",
            GROUP, ++order, Width.SHORT, "Interval")
        .define(MAX_DURATION, Type.STRING, "1m", new DurationAtLeast(Duration.ofSeconds(1), false), Importance.LOW,
            "A run starts no new piece of work (a table, a group of files to compact) after this long, so that "
                + "the task is back to its records in time. Keep it well below the consumer's max.poll.interval.ms "
                + "(5 minutes by default): the run blocks the task's poll loop. " + Durations.SYNTAX + ".",
            GROUP, ++order, Width.SHORT, "Longest run")
        .define(SNAPSHOTS_MAX_AGE, Type.STRING, "1d", new DurationAtLeast(Duration.ofHours(1), false),
            Importance.MEDIUM,
            "Snapshots older than this are expired (removed from the table's history, with the files only they "
                + "referenced), except the newest snapshot that records each Kafka partition's offsets, which "
                + "always stays: the sink resumes from it. Time travel reaches back this far. "
                + Durations.SYNTAX + "; at least 1h.",
            GROUP, ++order, Width.SHORT, "Snapshot max age")
        .define(SNAPSHOTS_RETAIN_LAST, Type.INT, 50, ConfigDef.Range.atLeast(1), Importance.LOW,
            "The newest snapshots kept whatever their age.",
            GROUP, ++order, Width.SHORT, "Snapshots always kept")
        .define(OFFSETS_REFRESH_INTERVAL, Type.STRING, "1h", new DurationAtLeast(Duration.ofMinutes(1), true),
            Importance.LOW,
            "Every task records the offsets (and dedup/aggregation state) of all its partitions again at least "
                + "this often, idle ones too, with a commit that adds no rows. Expiry never removes the newest "
                + "snapshot that records a partition, so an idle partition would otherwise hold every later "
                + "snapshot back. Must be shorter than " + SNAPSHOTS_MAX_AGE + "; 0 turns it off. It runs in every "
                + "task, also with " + ENABLED + "=false, because it also keeps the offsets safe from snapshot "
                + "expiry run by other engines. " + Durations.SYNTAX + ".",
            GROUP, ++order, Width.SHORT, "Offsets refresh interval")
        .define(OFFSETS_FORGET, Type.LIST, "", new ForgetValidator(), Importance.LOW,
            "Recorded offsets that no longer hold snapshot expiry back, for partitions that are gone for good: "
                + "'topic' or 'topic:partition' for this connector (a deleted topic, partitions of a topic "
                + "recreated smaller), 'connector=name' for everything a connector of that name recorded in these "
                + "tables (this connector's old name). Maintenance logs a warning naming such partitions when they "
                + "hold expiry back. A forgotten partition that comes back starts from the consumer group's "
                + "offsets with empty dedup state.",
            GROUP, ++order, Width.LONG, "Forget offsets")
        .define(COMPACTION_ENABLED, Type.BOOLEAN, true, Importance.MEDIUM,
            "Rewrite the small data files of closed partitions into files of the target size.",
            GROUP, ++order, Width.SHORT, "Compaction")
        .define(COMPACTION_MIN_FILES, Type.INT, 5, ConfigDef.Range.atLeast(2), Importance.LOW,
            "A closed partition is compacted once it has at least this many small files (smaller than 3/4 of the "
                + "target size).",
            GROUP, ++order, Width.SHORT, "Small files per partition")
        .define(COMPACTION_MIN_AGE, Type.STRING, "1h", new DurationAtLeast(Duration.ZERO, true), Importance.LOW,
            "A partition is closed, and can be compacted, when no commit has added a file to it for this long "
                + "(for a table partitioned by day(event_time), yesterday's partition after the last late events). "
                + "A partition that keeps receiving files, such as an unpartitioned table under steady traffic, "
                + "is not compacted. " + Durations.SYNTAX + ".",
            GROUP, ++order, Width.SHORT, "Closed after")
        .define(COMPACTION_TARGET_FILE_SIZE, Type.LONG, null, new NullOrAtLeast(MIB), Importance.LOW,
            "Size in bytes of compacted files. Empty: the table's write.target-file-size-bytes (512 MiB unless the "
                + "table sets it).",
            GROUP, ++order, Width.SHORT, "Target file size")
        .define(MAX_FILES_PER_RUN, Type.INT, 1000, ConfigDef.Range.atLeast(2), Importance.LOW,
            "Most small files one run compacts over all tables; also the most unreferenced dedup state files one "
                + "run deletes. The rest waits for the next run.",
            GROUP, ++order, Width.SHORT, "Files per run")
        .define(MAX_BYTES_PER_RUN, Type.LONG, 1024 * MIB, ConfigDef.Range.atLeast(MIB), Importance.LOW,
            "Most bytes of small files one run compacts over all tables.",
            GROUP, ++order, Width.SHORT, "Bytes per run");
  }

  /**
   * Reads the group from a parsed config.
   *
   * @throws ConfigException when settings contradict each other
   */
  public static MaintenanceSettings settings(AbstractConfig config) {
    Duration maxAge = Durations.parse(config.getString(SNAPSHOTS_MAX_AGE));
    Duration refresh = Durations.parse(config.getString(OFFSETS_REFRESH_INTERVAL));
    if (!refresh.isZero() && refresh.compareTo(maxAge) >= 0) {
      throw new ConfigException(OFFSETS_REFRESH_INTERVAL, config.getString(OFFSETS_REFRESH_INTERVAL),
          "must be shorter than " + SNAPSHOTS_MAX_AGE + " (" + config.getString(SNAPSHOTS_MAX_AGE) + "), or idle "
              + "partitions hold snapshot expiry back; half of it or less works well");
    }
    Long target = config.getLong(COMPACTION_TARGET_FILE_SIZE);
    return new MaintenanceSettings(
        config.getBoolean(ENABLED),
        Durations.parse(config.getString(INTERVAL)),
        Durations.parse(config.getString(MAX_DURATION)),
        maxAge,
        config.getInt(SNAPSHOTS_RETAIN_LAST),
        refresh,
        ForgottenOffsets.parse(config.getList(OFFSETS_FORGET)),
        config.getBoolean(COMPACTION_ENABLED),
        config.getInt(COMPACTION_MIN_FILES),
        Durations.parse(config.getString(COMPACTION_MIN_AGE)),
        target == null ? OptionalLong.empty() : OptionalLong.of(target),
        config.getInt(MAX_FILES_PER_RUN),
        config.getLong(MAX_BYTES_PER_RUN));
  }

  /** A duration parsed as {@link Durations#parse} does, no shorter than a minimum (0 allowed or not). */
  static final class DurationAtLeast implements ConfigDef.Validator {
    private final Duration min;
    private final boolean zeroAllowed;

    DurationAtLeast(Duration min, boolean zeroAllowed) {
      this.min = min;
      this.zeroAllowed = zeroAllowed;
    }

    @Override
    public void ensureValid(String name, Object value) {
      Duration duration;
      try {
        duration = Durations.parse((String) value);
      } catch (IllegalArgumentException e) {
        throw new ConfigException(name, value, e.getMessage());
      }
      if (duration.isZero() && zeroAllowed) {
        return;
      }
      if (duration.compareTo(min) < 0 || duration.isZero()) {
        throw new ConfigException(name, value, "must be at least " + Durations.format(min)
            + (zeroAllowed ? " (or 0 to turn it off)" : ""));
      }
    }

    @Override
    public String toString() {
      return Durations.SYNTAX + ", at least " + Durations.format(min) + (zeroAllowed ? ", or 0" : "");
    }
  }

  /** Empty (null), or a number no smaller than a minimum. */
  static final class NullOrAtLeast implements ConfigDef.Validator {
    private final long min;

    NullOrAtLeast(long min) {
      this.min = min;
    }

    @Override
    public void ensureValid(String name, Object value) {
      if (value != null && (Long) value < min) {
        throw new ConfigException(name, value, "must be at least " + min + " bytes, or empty for the table's setting");
      }
    }

    @Override
    public String toString() {
      return "empty, or at least " + min;
    }
  }

  /** Entries of {@link #OFFSETS_FORGET}, parsed as maintenance parses them. */
  static final class ForgetValidator implements ConfigDef.Validator {
    @Override
    @SuppressWarnings("unchecked")
    public void ensureValid(String name, Object value) {
      try {
        ForgottenOffsets.parse(value == null ? List.of() : (List<String>) value);
      } catch (IllegalArgumentException e) {
        throw new ConfigException(name, value, e.getMessage());
      }
    }

    @Override
    public String toString() {
      return ForgottenOffsets.SYNTAX;
    }
  }
}
