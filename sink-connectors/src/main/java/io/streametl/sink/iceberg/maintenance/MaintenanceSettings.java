package io.streametl.sink.iceberg.maintenance;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * How the sink maintains its tables (see {@link MaintenanceConfig} for each setting's meaning).
 *
 * @param targetFileSize compacted file size; empty: the table's {@code write.target-file-size-bytes}
 */
public record MaintenanceSettings(
    boolean enabled,
    Duration interval,
    Duration maxDuration,
    Duration snapshotMaxAge,
    int retainLast,
    Duration offsetsRefreshInterval,
    ForgottenOffsets forgotten,
    boolean compactionEnabled,
    int compactionMinFiles,
    Duration compactionMinAge,
    OptionalLong targetFileSize,
    int maxFilesPerRun,
    long maxBytesPerRun) {

  /** The first run waits at most this long after the task starts, even with a longer interval. */
  static final Duration FIRST_RUN_AT_MOST = Duration.ofMinutes(10);

  /** When the first run is due after a task starts. */
  Duration firstRunDelay() {
    return interval.compareTo(FIRST_RUN_AT_MOST) < 0 ? interval : FIRST_RUN_AT_MOST;
  }
}
