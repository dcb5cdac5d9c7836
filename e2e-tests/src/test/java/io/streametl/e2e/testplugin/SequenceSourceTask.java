package io.streametl.e2e.testplugin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;

/**
 * Writes records keyed "task-N-SEQ" with the sequence number as value. Source partition
 * {"task": N}, source offset {"sequence": next sequence number}: the offset is how many records
 * the task has produced, which the tests compare with the topic.
 */
public final class SequenceSourceTask extends SourceTask {

  private final CountDownLatch stopped = new CountDownLatch(1);
  private String topic;
  private int taskId;
  private int batchSize;
  private long pollIntervalMs;
  private long maxRecords;
  private long next;

  @Override
  public void start(Map<String, String> props) {
    AbstractConfig config = new AbstractConfig(SequenceSourceConnector.CONFIG_DEF, props);
    if (config.getBoolean(SequenceSourceConnector.FAIL_ON_START)) {
      throw new ConnectException("Failing on purpose: " + SequenceSourceConnector.FAIL_ON_START
          + " is true");
    }
    topic = config.getString(SequenceSourceConnector.TOPIC);
    taskId = Integer.parseInt(props.get(SequenceSourceConnector.TASK_ID));
    batchSize = config.getInt(SequenceSourceConnector.BATCH_SIZE);
    pollIntervalMs = config.getLong(SequenceSourceConnector.POLL_INTERVAL_MS);
    maxRecords = config.getLong(SequenceSourceConnector.MAX_RECORDS);
    touch(config.getString(SequenceSourceConnector.TOUCH_FILE));
    Map<String, Object> offset = context.offsetStorageReader().offset(partition());
    next = offset == null ? 0 : ((Number) offset.get("sequence")).longValue();
  }

  @Override
  public List<SourceRecord> poll() throws InterruptedException {
    // Paces the task (and returns at once on stop) so a test cluster on 2 cores stays responsive.
    if (stopped.await(pollIntervalMs, TimeUnit.MILLISECONDS) || next >= maxRecords) {
      return null;
    }
    List<SourceRecord> records = new ArrayList<>(batchSize);
    for (int i = 0; i < batchSize && next < maxRecords; i++) {
      records.add(new SourceRecord(partition(), Map.of("sequence", next + 1), topic, null,
          Schema.STRING_SCHEMA, "task-" + taskId + "-" + next, Schema.INT64_SCHEMA, next));
      next++;
    }
    return records;
  }

  @Override
  public void stop() {
    stopped.countDown();
  }

  @Override
  public String version() {
    return "test";
  }

  private static void touch(String file) {
    if (file.isEmpty()) {
      return;
    }
    try {
      Path path = Path.of(file);
      Files.createDirectories(path.getParent());
      Files.writeString(path, "started\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConnectException("Could not create " + SequenceSourceConnector.TOUCH_FILE + " "
          + file, e);
    }
  }

  private Map<String, Object> partition() {
    return Map.of("task", taskId);
  }
}
