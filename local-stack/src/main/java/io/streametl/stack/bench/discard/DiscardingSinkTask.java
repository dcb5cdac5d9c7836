package io.streametl.stack.bench.discard;

import java.util.Collection;
import java.util.Map;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;

/** Drops the records it is given; Connect commits their offsets as consumed. */
public final class DiscardingSinkTask extends SinkTask {

  @Override
  public void start(Map<String, String> props) {}

  @Override
  public void put(Collection<SinkRecord> records) {}

  @Override
  public void stop() {}

  @Override
  public String version() {
    return "bench";
  }
}
