package io.streametl.stack.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What one {@code bench-sink} run does.
 *
 * @param events records generated into the throughput topic (N)
 * @param partitions partitions of every topic the benchmark creates
 * @param tasks tasks.max of both sinks
 * @param commitInterval commit interval of both sinks
 * @param rounds how often each sink reads the whole topic (alternating which goes first)
 * @param freshnessRate generator rate of the freshness phase, events per second
 * @param freshnessDuration how long the generator runs in the freshness phase; zero skips it
 * @param dropTransforms run our sink without the SMT chain of its config file
 * @param workerOverrides worker properties that replace the local stack's. Both sinks run on the
 *     same workers, so a setting here (a consumer default, say) applies to both alike.
 * @param dataDir the stack's data directory, deleted and recreated at the start
 * @param configsDir connect-configs/, where the connector config files are read from
 */
public record BenchSettings(
    long events,
    int partitions,
    int tasks,
    Duration commitInterval,
    int rounds,
    int freshnessRate,
    Duration freshnessDuration,
    boolean dropTransforms,
    Map<String, String> workerOverrides,
    Path dataDir,
    Path configsDir,
    Path kafkaLibs,
    Path bundleZip) {

  /** Our sink's lower bound for commit.interval.ms. */
  public static final long MIN_COMMIT_INTERVAL_MS = 100;

  public BenchSettings {
    Objects.requireNonNull(commitInterval, "commitInterval");
    Objects.requireNonNull(freshnessDuration, "freshnessDuration");
    workerOverrides = Map.copyOf(workerOverrides);
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(configsDir, "configsDir");
    Objects.requireNonNull(kafkaLibs, "kafkaLibs");
    Objects.requireNonNull(bundleZip, "bundleZip");
    if (events < 1) {
      throw new IllegalArgumentException("The benchmark needs at least one event, got " + events);
    }
    if (partitions < 1 || tasks < 1) {
      throw new IllegalArgumentException("Partitions and tasks must be at least 1, got "
          + partitions + " and " + tasks);
    }
    if (rounds < 1) {
      throw new IllegalArgumentException("The benchmark needs at least one round, got " + rounds);
    }
    if (commitInterval.toMillis() < MIN_COMMIT_INTERVAL_MS) {
      throw new IllegalArgumentException("The commit interval must be at least "
          + MIN_COMMIT_INTERVAL_MS + " ms, got " + commitInterval.toMillis() + " ms");
    }
    if (freshnessDuration.isNegative()) {
      throw new IllegalArgumentException("The freshness phase cannot last " + freshnessDuration);
    }
    if (!freshnessDuration.isZero() && freshnessRate < 1) {
      throw new IllegalArgumentException("The freshness phase needs a rate of at least 1 event/s,"
          + " got " + freshnessRate);
    }
  }

  public boolean measuresFreshness() {
    return !freshnessDuration.isZero();
  }

  /** Events generated in the freshness phase, per sink. */
  public long freshnessEvents() {
    return freshnessRate * freshnessDuration.toSeconds();
  }

  /** The command line that repeats this run (paths of the build left to ./streametl). */
  public String commandLine() {
    return "STREAMETL_SKIP_BUILD=1 ./streametl bench-sink --events " + events
        + " --partitions " + partitions + " --tasks " + tasks
        + " --commit-interval-ms " + commitInterval.toMillis() + " --rounds " + rounds
        + " --freshness-rate " + freshnessRate
        + " --freshness-seconds " + freshnessDuration.toSeconds()
        + (dropTransforms ? " --drop-transforms" : "")
        + (workerOverrides.isEmpty() ? "" : " --worker-set " + workerOverrides.entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(",")))
        + " --data-dir " + dataDir;
  }
}
