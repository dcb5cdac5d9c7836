package io.streametl.sink;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTaskContext;

/** A SinkTaskContext that records the seeks, poll timeouts and errant records a task asks for. */
final class RecordingSinkTaskContext implements SinkTaskContext {

  final Map<TopicPartition, Long> seeks = new HashMap<>();
  final List<SinkRecord> errant = new ArrayList<>();
  final List<String> errantReasons = new ArrayList<>();
  final Set<TopicPartition> assignment = new HashSet<>();
  final Set<TopicPartition> paused = new HashSet<>();
  /** Every {@link #timeout} the task asked for, in order. */
  final List<Long> timeouts = new ArrayList<>();
  private final boolean withReporter;
  /** What {@link #pluginMetrics()} returns (or throws): none by default. */
  java.util.function.Supplier<PluginMetrics> pluginMetrics = () -> null;

  RecordingSinkTaskContext(boolean withReporter) {
    this.withReporter = withReporter;
  }

  @Override
  public Map<String, String> configs() {
    return Map.of();
  }

  @Override
  public void offset(Map<TopicPartition, Long> offsets) {
    seeks.putAll(offsets);
  }

  @Override
  public void offset(TopicPartition tp, long offset) {
    seeks.put(tp, offset);
  }

  @Override
  public void timeout(long timeoutMs) {
    timeouts.add(timeoutMs);
  }

  @Override
  public Set<TopicPartition> assignment() {
    return assignment;
  }

  @Override
  public void pause(TopicPartition... partitions) {
    paused.addAll(java.util.Arrays.asList(partitions));
  }

  @Override
  public void resume(TopicPartition... partitions) {
    paused.removeAll(java.util.Arrays.asList(partitions));
  }

  @Override
  public void requestCommit() {}

  @Override
  public ErrantRecordReporter errantRecordReporter() {
    if (!withReporter) {
      return null;
    }
    return (record, error) -> {
      errant.add(record);
      errantReasons.add(error.getMessage());
      return CompletableFuture.completedFuture(null);
    };
  }

  @Override
  public PluginMetrics pluginMetrics() {
    return pluginMetrics.get();
  }
}
