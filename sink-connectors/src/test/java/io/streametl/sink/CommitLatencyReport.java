package io.streametl.sink;

import java.nio.file.Files;
import java.time.Clock;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Not a test: how much a task's throughput depends on its destination's latency, with commits
 * published on the task thread against published on the task's publisher thread
 * (docs/benchmarks/sink.md, "Commits off the task thread"). The task runs as in {@link
 * SinkTaskCpuReport} (shipped config, one partition, records always ready) but commits by its
 * interval on the wall clock, as a task does, every second; on local files
 * whose every object write and read costs a set latency, as an object store's PUT and GET do
 * ({@link SlowObjectStoreFileIO}). Run:
 *
 * <pre>
 * ./mvnw -o -q -B -pl sink-connectors dependency:build-classpath -Dmdep.outputFile=/tmp/sink-cp.txt -Dmdep.includeScope=test
 * java -cp sink-connectors/target/test-classes:sink-connectors/target/classes:$(cat /tmp/sink-cp.txt) \
 *   io.streametl.sink.CommitLatencyReport 600000 3 0,20,50
 * </pre>
 *
 * <p>Arguments: records per pass, passes per mode and latency, and the latencies in ms. The two
 * modes alternate within each latency; the first pass of each warms the JIT and is not counted.
 */
public final class CommitLatencyReport {

  private static final int BATCH = 500;

  private CommitLatencyReport() {}

  public static void main(String[] args) throws Exception {
    int records = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    int passes = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    String[] latencies = (args.length > 2 ? args[2] : "0,20,50").split(",");
    List<SinkRecord> input = SinkTaskCpuReport.events(records);
    System.out.printf("%,d records per pass, commit.interval.ms=1000 on the wall clock, %d passes per mode "
        + "(first not counted)%n", records, passes);
    for (String latency : latencies) {
      SlowObjectStoreFileIO.latencyMillis = Long.parseLong(latency.trim());
      double[] best = {Double.MAX_VALUE, Double.MAX_VALUE};
      double[] sum = new double[2];
      for (int pass = 1; pass <= passes; pass++) {
        for (int mode = 0; mode < 2; mode++) {
          double micros = pass(input, mode == 1);
          if (pass > 1) {
            best[mode] = Math.min(best[mode], micros);
            sum[mode] += micros;
          }
        }
      }
      int counted = passes - 1;
      System.out.printf("latency %s ms per object: on the task thread %,.0f records/s (mean %,.0f), "
          + "on the publisher thread %,.0f records/s (mean %,.0f): %.2f x%n", latency.trim(),
          1e6 / best[0], 1e6 / (sum[0] / counted), 1e6 / best[1], 1e6 / (sum[1] / counted), best[0] / best[1]);
    }
    System.exit(0); // the JDBC catalog's pool threads
  }

  /** One pass into new tables; returns wall µs per record, from the first put to the last commit settled. */
  private static double pass(List<SinkRecord> input, boolean inBackground) throws Exception {
    Path dir = Files.createTempDirectory("commit-latency-report");
    DedupAggregateSinkTask task = new DedupAggregateSinkTask(Clock.systemUTC(), Destinations::create, inBackground);
    task.initialize(new RecordingSinkTaskContext(true));
    Map<String, String> props = new java.util.HashMap<>(SinkTaskCpuReport.props(dir));
    props.put("iceberg.catalog.io-impl", SlowObjectStoreFileIO.class.getName());
    task.start(props);
    TopicPartition tp = new TopicPartition("subscription-events", 0);
    task.open(List.of(tp));
    long wall = System.nanoTime();
    for (int from = 0; from < input.size(); from += BATCH) {
      task.put(input.subList(from, Math.min(input.size(), from + BATCH)));
    }
    task.close(List.of(tp)); // commits the rest and settles every commit
    wall = System.nanoTime() - wall;
    task.stop();
    return wall / 1000.0 / input.size();
  }
}
