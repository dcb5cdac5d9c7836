package io.streametl.stack.cli;

import io.streametl.stack.bench.BenchSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The options of {@code streametl bench-sink}, parsed into the benchmark's settings. */
final class BenchSinkOptions {

  static final long DEFAULT_EVENTS = 1_000_000;
  static final int DEFAULT_PARTITIONS = 4;
  static final int DEFAULT_TASKS = 2;
  static final int DEFAULT_COMMIT_INTERVAL_MS = 1000;
  // Three rounds: each round is a few seconds of work in the same workers, and the JIT still used
  // 23 % of a sink's CPU in round 2 and 15 % in round 3 (docs/benchmarks/sink.md, "Warm-up and GC
  // in the workers"). The best round counts, so a third one brings the figures nearer a warm worker's.
  static final int DEFAULT_ROUNDS = 3;
  static final int DEFAULT_FRESHNESS_RATE = 2000;
  static final int DEFAULT_FRESHNESS_SECONDS = 60;
  static final Path DEFAULT_DATA_DIR =
      Path.of(System.getProperty("java.io.tmpdir"), "streametl-bench-sink");
  static final Path DEFAULT_CONFIGS_DIR = Path.of("connect-configs");

  static final List<OptionSpec> SPECS = List.of(
      OptionSpec.value("--events", "N", "records generated into the benchmark topic (default "
          + DEFAULT_EVENTS + ")"),
      OptionSpec.value("--partitions", "P", "partitions of the benchmark topics (default "
          + DEFAULT_PARTITIONS + ")"),
      OptionSpec.value("--tasks", "T", "tasks.max of both sinks (default " + DEFAULT_TASKS + ")"),
      OptionSpec.value("--commit-interval-ms", "MS", "commit interval of both sinks (default "
          + DEFAULT_COMMIT_INTERVAL_MS + ", at least " + BenchSettings.MIN_COMMIT_INTERVAL_MS
          + ")"),
      OptionSpec.value("--rounds", "K", "how often each sink reads the whole topic, alternating"
          + " which goes first; the best round counts (default " + DEFAULT_ROUNDS + ")"),
      OptionSpec.value("--freshness-rate", "R", "generator events/s in the freshness phase"
          + " (default " + DEFAULT_FRESHNESS_RATE + ")"),
      OptionSpec.value("--freshness-seconds", "S", "length of the freshness phase per sink"
          + " (default " + DEFAULT_FRESHNESS_SECONDS + "; 0 skips it)"),
      OptionSpec.flag("--drop-transforms", "run our sink without the SMT chain of its config file"),
      OptionSpec.value("--worker-set", "K=V,K=V", "worker properties that replace the local"
          + " stack's, for both sinks alike, e.g. consumer.receive.buffer.bytes=1048576"),
      OptionSpec.value("--data-dir", "DIR", "data directory of the benchmark's stack, deleted at"
          + " the start (default " + DEFAULT_DATA_DIR + ")"),
      OptionSpec.value("--configs-dir", "DIR", "where the connector config files are (default "
          + DEFAULT_CONFIGS_DIR + ")"),
      OptionSpec.value("--kafka-libs", "DIR", "Kafka distribution libs (default "
          + DemoOptions.DEFAULT_KAFKA_LIBS + "; set by ./streametl)"),
      OptionSpec.value("--bundle", "ZIP", "plugin bundle zip (default the one in "
          + DemoOptions.PACKAGING_TARGET + "; set by ./streametl)"));

  private BenchSinkOptions() {}

  static BenchSettings parse(List<String> args) {
    ParsedOptions options = ParsedOptions.parse("bench-sink", SPECS, args);
    int commitIntervalMs = options.positiveInt("--commit-interval-ms", DEFAULT_COMMIT_INTERVAL_MS);
    if (commitIntervalMs < BenchSettings.MIN_COMMIT_INTERVAL_MS) {
      throw new UsageException("Option --commit-interval-ms must be at least "
          + BenchSettings.MIN_COMMIT_INTERVAL_MS + " (the sink's lower bound), got "
          + commitIntervalMs + ".");
    }
    int partitions = options.positiveInt("--partitions", DEFAULT_PARTITIONS);
    int tasks = options.positiveInt("--tasks", DEFAULT_TASKS);
    if (tasks > partitions) {
      throw new UsageException("Option --tasks (" + tasks + ") is more than --partitions ("
          + partitions + "): the extra tasks would get no partition and idle.");
    }
    return new BenchSettings(
        options.positiveLong("--events", DEFAULT_EVENTS),
        partitions,
        tasks,
        Duration.ofMillis(commitIntervalMs),
        options.positiveInt("--rounds", DEFAULT_ROUNDS),
        options.positiveInt("--freshness-rate", DEFAULT_FRESHNESS_RATE),
        Duration.ofSeconds(options.nonNegativeInt("--freshness-seconds",
            DEFAULT_FRESHNESS_SECONDS)),
        options.flag("--drop-transforms"),
        options.keyValues("--worker-set"),
        options.path("--data-dir", DEFAULT_DATA_DIR).toAbsolutePath().normalize(),
        options.path("--configs-dir", DEFAULT_CONFIGS_DIR),
        options.path("--kafka-libs", Path.of(System.getProperty(DemoOptions.KAFKA_LIBS_PROPERTY,
            DemoOptions.DEFAULT_KAFKA_LIBS.toString()))),
        options.value("--bundle").or(() -> Optional.ofNullable(
            System.getProperty(DemoOptions.BUNDLE_PROPERTY))).map(Path::of)
            .orElseGet(DemoOptions::defaultBundle));
  }
}
