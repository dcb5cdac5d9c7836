package io.streametl.stack.bench.discard;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;

/**
 * A sink that drops every record: what Connect workers cost per record before any sink does its
 * own work (fetching, converting, the SMT chain, the task loop). The benchmark runs it with our
 * sink's converters and transforms, as the limit for our sink's pipeline on these workers. Never
 * shipped in the bundle: the benchmark installs it as a plugin of its own
 * ({@link DiscardingSinkPlugin}).
 */
public final class DiscardingSinkConnector extends SinkConnector {

  private Map<String, String> props = Map.of();

  @Override
  public void start(Map<String, String> props) {
    this.props = Map.copyOf(props);
  }

  @Override
  public Class<? extends Task> taskClass() {
    return DiscardingSinkTask.class;
  }

  @Override
  public List<Map<String, String>> taskConfigs(int maxTasks) {
    return Collections.nCopies(maxTasks, props);
  }

  @Override
  public void stop() {}

  @Override
  public ConfigDef config() {
    return new ConfigDef();
  }

  @Override
  public String version() {
    return "bench";
  }
}
