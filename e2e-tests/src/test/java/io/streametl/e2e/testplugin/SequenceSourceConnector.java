package io.streametl.e2e.testplugin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;

/**
 * A test-only source connector that writes numbered records: each task counts from where its
 * committed offset left off. It exists to test the local stack itself (plugin installation,
 * exactly-once sources, offsets, a worker kill) independently of the bundle's connectors, and is
 * installed on plugin.path as a plugin of its own, never shipped.
 */
public final class SequenceSourceConnector extends SourceConnector {

  static final String TOPIC = "topic";
  static final String BATCH_SIZE = "batch.size";
  static final String POLL_INTERVAL_MS = "poll.interval.ms";
  static final String MAX_RECORDS = "max.records";
  static final String FAIL_ON_START = "fail.on.start";
  static final String TOUCH_FILE = "touch.file";
  static final String TASK_ID = "task.id";

  static final ConfigDef CONFIG_DEF = new ConfigDef()
      .define(TOPIC, ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE,
          new ConfigDef.NonEmptyString(), ConfigDef.Importance.HIGH, "Topic to write to.")
      .define(BATCH_SIZE, ConfigDef.Type.INT, 10, ConfigDef.Range.atLeast(1),
          ConfigDef.Importance.LOW, "Records per poll.")
      .define(POLL_INTERVAL_MS, ConfigDef.Type.LONG, 100L, ConfigDef.Range.atLeast(0),
          ConfigDef.Importance.LOW, "Pause between polls.")
      .define(MAX_RECORDS, ConfigDef.Type.LONG, Long.MAX_VALUE, ConfigDef.Range.atLeast(0),
          ConfigDef.Importance.LOW, "Records per task after which the task goes idle.")
      .define(FAIL_ON_START, ConfigDef.Type.BOOLEAN, false, ConfigDef.Importance.LOW,
          "Make every task fail in start(), to test failure reporting.")
      .define(TOUCH_FILE, ConfigDef.Type.STRING, "", ConfigDef.Importance.LOW,
          "A file each task creates on start, to see how the worker resolved the value"
              + " (config providers such as ${env:...}).");

  private Map<String, String> props;

  @Override
  public void start(Map<String, String> props) {
    CONFIG_DEF.parse(props);
    this.props = new HashMap<>(props);
  }

  @Override
  public Class<? extends Task> taskClass() {
    return SequenceSourceTask.class;
  }

  @Override
  public List<Map<String, String>> taskConfigs(int maxTasks) {
    List<Map<String, String>> configs = new ArrayList<>();
    for (int i = 0; i < maxTasks; i++) {
      Map<String, String> config = new HashMap<>(props);
      config.put(TASK_ID, String.valueOf(i));
      configs.add(config);
    }
    return configs;
  }

  @Override
  public void stop() {
    // Nothing to release.
  }

  /** Each poll's records are one transaction, which is all an exactly-once source needs. */
  @Override
  public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
    return ExactlyOnceSupport.SUPPORTED;
  }

  @Override
  public ConfigDef config() {
    return CONFIG_DEF;
  }

  @Override
  public String version() {
    return "test";
  }
}
