package io.streametl.sink;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;

/** A destination that forwards every call, for tests that change one behaviour. */
class ForwardingDestination implements EventDestination {

  protected final EventDestination real;

  ForwardingDestination(EventDestination real) {
    this.real = real;
  }

  @Override
  public Map<TopicPartition, Long> committedOffsets(Collection<TopicPartition> partitions) {
    return real.committedOffsets(partitions);
  }

  @Override
  public Map<TopicPartition, String> committedStates(Collection<TopicPartition> partitions) {
    return real.committedStates(partitions);
  }

  @Override
  public StateFileStore stateFiles() {
    return real.stateFiles();
  }

  @Override
  public boolean aggregateAccepts(String aggregation, TopicPartition tp, long offset) {
    return real.aggregateAccepts(aggregation, tp, offset);
  }

  @Override
  public void writeAggregateRows(String aggregation, List<Map<String, Object>> rows) {
    real.writeAggregateRows(aggregation, rows);
  }

  @Override
  public void revoked(Collection<TopicPartition> partitions) {
    real.revoked(partitions);
  }

  @Override
  public void write(SinkRecord record) {
    real.write(record);
  }

  @Override
  public long bufferedRecords() {
    return real.bufferedRecords();
  }

  @Override
  public long bufferedBytes() {
    return real.bufferedBytes();
  }

  @Override
  public boolean canCommit() {
    return real.canCommit();
  }

  @Override
  public void commit(Map<TopicPartition, Long> nextOffsets, Map<TopicPartition, String> states) {
    real.commit(nextOffsets, states);
  }

  @Override
  public void refresh(Map<TopicPartition, Long> nextOffsets, Map<TopicPartition, String> states) {
    real.refresh(nextOffsets, states);
  }

  @Override
  public void maintain(java.time.Clock clock) {
    real.maintain(clock);
  }

  @Override
  public void abort() {
    real.abort();
  }

  @Override
  public void close() {
    real.close();
  }

  @Override
  public io.streametl.sink.state.aggregate.SketchFormat sketchFormat() {
    return real.sketchFormat();
  }
}
