package io.streametl.sink.iceberg;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.apache.iceberg.util.ThreadPools;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Run in a JVM of its own by {@link CommitDuringShutdownTest}: closes Iceberg's JVM-wide worker
 * pools the way their shutdown hook does when a worker gets SIGTERM, then commits three cycles
 * through a destination, as a sink task closing its partitions does at that moment.
 */
public final class CommitWithIcebergPoolClosed {

  static final TopicPartition PARTITION = new TopicPartition("events", 0);
  static final List<String> IDS = List.of("a", "b", "c");

  private CommitWithIcebergPoolClosed() {}

  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    for (ExecutorService pool : List.of(ThreadPools.getWorkerPool(), ThreadPools.getDeleteWorkerPool())) {
      pool.shutdown();
      if (!pool.isShutdown()) {
        throw new IllegalStateException("Iceberg's worker pool did not shut down");
      }
    }
    IcebergDestination destination = new IcebergDestination(CommitDuringShutdownTest.catalog(dir),
        TableRouter.of("demo.events", "", List.of()), new TableSettings(true, List.of(), Map.of(), true), "sink", 0);
    destination.committedOffsets(List.of(PARTITION));
    for (int offset = 0; offset < IDS.size(); offset++) {
      Map<String, Object> value = new HashMap<>();
      value.put("event_id", IDS.get(offset));
      destination.write(new SinkRecord(PARTITION.topic(), PARTITION.partition(), null, null, null, value, offset));
      destination.commit(Map.of(PARTITION, offset + 1L), Map.of());
    }
    destination.close();
  }
}
