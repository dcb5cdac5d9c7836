package io.streametl.stack.bench;

import io.streametl.stack.jmx.WorkerJmx;
import io.streametl.stack.rest.ConnectRestClient;
import io.streametl.stack.rest.ConnectorConfigFile;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Supplier;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * Runs the discarding sink over the filled topic from the start and times it by Connect's own
 * count of the records its tasks read ({@code sink-record-read-total}, read over JMX every
 * {@link #POLL}): from the connector's creation until every record of the topic was read. Its
 * tasks drop what they get, so this is what the workers cost per record before a sink's own work.
 */
public final class DiscardingSinkRun {

  static final Duration POLL = Duration.ofMillis(100);
  static final String RECORDS_READ = "sink-record-read-total";
  private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

  private final ConnectRestClient rest;
  private final WorkerJmx jmx;
  private final Supplier<List<Long>> workerPids;
  private final PrintStream out;

  /**
   * How many records the tasks had read when the run ended, how long it took, and the rate between
   * {@link SinkThroughputRun#MIDDLE_FROM_PERCENT} and {@link SinkThroughputRun#MIDDLE_TO_PERCENT} of
   * the records, without start-up and the group join (as the sinks' middle rate; empty if the
   * polls could not tell).
   */
  public record Outcome(long recordsRead, Duration elapsed, OptionalDouble middlePerSecond) {}

  /** @param workerPids the workers' current process ids, for the JMX reads */
  public DiscardingSinkRun(ConnectRestClient rest, WorkerJmx jmx, Supplier<List<Long>> workerPids,
      PrintStream out) {
    this.rest = rest;
    this.jmx = jmx;
    this.workerPids = workerPids;
    this.out = out;
  }

  /**
   * The discarding sink with {@code sink}'s Connect settings (converters, consumer overrides,
   * transforms, error handling with the dead-letter topic {@code name + "-dlq"}), named {@code name}.
   */
  public static ConnectorConfigFile config(ConnectorConfigFile sink, String name) {
    return SinkConfigs.discarding(sink, name);
  }

  /** @param input the topic as the raw consumer read it: its records and bytes */
  DiscardingRunResult run(String label, ConnectorConfigFile config, PassResult input,
      Duration timeout) {
    Outcome outcome = readAll(label, config, input.records(), timeout);
    return new DiscardingRunResult(
        new Throughput(input.records(), input.valueBytes(), outcome.elapsed()),
        outcome.middlePerSecond());
  }

  /**
   * Creates the connector, waits until its tasks have read {@code records} records in all, and
   * deletes it.
   *
   * @throws BenchmarkException if that takes longer than {@code timeout}
   * @throws io.streametl.stack.rest.ConnectorFailedException if the connector or a task fails
   */
  public Outcome readAll(String label, ConnectorConfigFile config, long records, Duration timeout) {
    ObjectName taskMetrics = taskMetrics(config.name());
    long created = System.nanoTime();
    long deadline = created + timeout.toNanos();
    long nextProgress = created + PROGRESS_EVERY.toNanos();
    rest.createOrUpdate(config.name(), config.config());
    ConnectorHealth health = new ConnectorHealth(rest, config.name());
    MiddleRate middle = new MiddleRate(records);
    try {
      while (true) {
        long read = read(taskMetrics);
        long now = System.nanoTime();
        middle.observe(now, read);
        if (read >= records) {
          return new Outcome(read, Duration.ofNanos(now - created), middle.perSecond());
        }
        if (now > deadline) {
          throw new BenchmarkException(label + " read " + read + " of " + records + " records in "
              + timeout.toSeconds() + " s");
        }
        if (now >= nextProgress) {
          health.failIfFailed();
          out.printf("  %s: %,d / %,d records read after %d s%n", label, read, records,
              Duration.ofNanos(now - created).toSeconds());
          nextProgress += PROGRESS_EVERY.toNanos();
        }
        Thread.sleep(POLL.toMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchmarkException(label + " was interrupted");
    } finally {
      rest.delete(config.name());
    }
  }

  private long read(ObjectName taskMetrics) {
    Map<String, Long> sums = jmx.sum(workerPids.get(), taskMetrics, Set.of(RECORDS_READ));
    return sums.getOrDefault(RECORDS_READ, 0L);
  }

  static ObjectName taskMetrics(String connector) {
    try {
      return new ObjectName("kafka.connect:type=sink-task-metrics,connector="
          + connector + ",task=*"); // the bench's names need no quoting
    } catch (MalformedObjectNameException e) {
      throw new IllegalArgumentException("no JMX name for connector " + connector, e);
    }
  }
}
