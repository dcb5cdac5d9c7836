package io.streametl.source.generator;

import io.streametl.common.Version;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.ConnectorTransactionBoundaries;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A source of synthetic subscription events, deterministic for a given seed, with configurable
 * shares of duplicate, late and invalid records. See {@link #OVERVIEW_DOC}.
 */
public final class EventGeneratorSourceConnector extends SourceConnector implements Versioned {

  public static final String OVERVIEW_DOC =
      "Generates subscription events (signup, upgrade, downgrade, cancel, renew) keyed by"
          + " event_id, at a set rate, with configurable shares of duplicate, late and invalid"
          + " records to exercise a pipeline's validation and deduplication. The sequence is a pure"
          + " function of random.seed and the position, so tests can compute the expected records"
          + " with SubscriptionEventFactory. Task i of tasks.max=N generates positions i, i+N, ...;"
          + " each task's source offset holds its next position and the start time, so restarts"
          + " resume exactly. Changing tasks.max starts new streams from position 0: reset the"
          + " connector's offsets (or use a new connector name) when you change it. Exactly-once"
          + " source delivery is supported.";

  public static final ConfigDef CONFIG_DEF = EventGeneratorConfig.CONFIG_DEF;

  /** The runtime's connector name key (ConnectorConfig.NAME_CONFIG), always in the props. */
  static final String NAME_CONFIG = "name";
  /** The runtime's task count key (ConnectorConfig.TASKS_MAX_CONFIG); its default is 1. */
  static final String TASKS_MAX_CONFIG = "tasks.max";

  private static final Logger log = LoggerFactory.getLogger(EventGeneratorSourceConnector.class);

  private final Clock clock;
  private Map<String, String> connectorConfig;
  private String name;
  private Long configuredStartMs;
  private long fallbackStartMs;
  private int streamsAtStart;
  private Optional<Long> storedStartMs = Optional.empty();

  public EventGeneratorSourceConnector() {
    this(Clock.systemUTC());
  }

  EventGeneratorSourceConnector(Clock clock) {
    this.clock = clock;
  }

  @Override
  public String version() {
    return Version.get();
  }

  @Override
  public ConfigDef config() {
    return CONFIG_DEF;
  }

  @Override
  public Class<? extends Task> taskClass() {
    return EventGeneratorSourceTask.class;
  }

  @Override
  public void start(Map<String, String> props) {
    EventGeneratorConfig config = new EventGeneratorConfig(props);
    name = props.get(NAME_CONFIG);
    if (name == null || name.isBlank()) {
      throw new ConfigException(NAME_CONFIG, name, "the connector needs a name for its source partitions");
    }
    connectorConfig = Map.copyOf(props);
    configuredStartMs = config.eventTimeStartMs();
    fallbackStartMs = clock.millis();
    streamsAtStart = tasksMax(props);
    if (configuredStartMs == null) {
      // Read the offsets here, on the connector's own thread, not in taskConfigs on the herder's.
      storedStartMs = storedStartMs(streamsAtStart);
    }
  }

  /**
   * The start time for streams without a stored offset: the configured one, else one already
   * stored by a sibling stream (so all streams of a generation share it), else now.
   */
  private Optional<Long> storedStartMs(int streams) {
    List<Map<String, Object>> partitions = new ArrayList<>();
    for (int i = 0; i < streams; i++) {
      partitions.add(new GeneratorStream(name, i, streams).partition());
    }
    Map<Map<String, Object>, Map<String, Object>> stored =
        context().offsetStorageReader().offsets(partitions);
    for (Map<String, Object> partition : partitions) {
      Map<String, Object> offset = stored == null ? null : stored.get(partition);
      if (offset != null && offset.get(StreamOffset.START_MS_KEY) instanceof Number startMs) {
        return Optional.of(startMs.longValue());
      }
    }
    return Optional.empty();
  }

  private static int tasksMax(Map<String, String> props) {
    String value = props.get(TASKS_MAX_CONFIG);
    try {
      return value == null ? 1 : Math.max(1, Integer.parseInt(value.trim()));
    } catch (NumberFormatException e) {
      return 1; // the runtime validates tasks.max itself; only the start-time lookup is skipped
    }
  }

  @Override
  public List<Map<String, String>> taskConfigs(int maxTasks) {
    long startMs;
    if (configuredStartMs != null) {
      startMs = configuredStartMs;
    } else if (maxTasks == streamsAtStart) {
      startMs = storedStartMs.orElse(fallbackStartMs);
    } else {
      startMs = fallbackStartMs; // a task count other than tasks.max: streams without stored offsets
    }
    List<Map<String, String>> configs = new ArrayList<>(maxTasks);
    for (int i = 0; i < maxTasks; i++) {
      GeneratorStream stream = new GeneratorStream(name, i, maxTasks);
      configs.add(new TaskAssignment(stream, startMs).toTaskConfig(connectorConfig));
    }
    log.info("Event generator {} runs {} streams; new streams start their event time at {}",
        name, maxTasks, startMs);
    return configs;
  }

  @Override
  public void stop() {
    // Nothing to release: the tasks do all the work.
  }

  @Override
  public Config validate(Map<String, String> props) {
    Config result = super.validate(props);
    Map<String, ConfigValue> values = new HashMap<>();
    result.configValues().forEach(value -> values.put(value.name(), value));
    ConfigValue duplicate = values.get(EventGeneratorConfig.DUPLICATE_RATIO_CONFIG);
    ConfigValue late = values.get(EventGeneratorConfig.LATE_RATIO_CONFIG);
    ConfigValue invalid = values.get(EventGeneratorConfig.INVALID_RATIO_CONFIG);
    if (isValidNumber(duplicate) && isValidNumber(late) && isValidNumber(invalid)) {
      RatioCheck.problem(number(duplicate), number(late), number(invalid))
          .ifPresent(
              message -> {
                // Any of the three can be lowered to fix it, so show the error at each.
                duplicate.addErrorMessage(message);
                late.addErrorMessage(message);
                invalid.addErrorMessage(message);
              });
    }
    return result;
  }

  private static boolean isValidNumber(ConfigValue value) {
    return value != null && value.errorMessages().isEmpty() && value.value() instanceof Number;
  }

  private static double number(ConfigValue value) {
    return ((Number) value.value()).doubleValue();
  }

  /** The generator replays its records from any position, so it supports exactly-once delivery. */
  @Override
  public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
    return ExactlyOnceSupport.SUPPORTED;
  }

  /** Transactions follow the worker's poll-based boundaries; the tasks define none. */
  @Override
  public ConnectorTransactionBoundaries canDefineTransactionBoundaries(Map<String, String> connectorConfig) {
    return ConnectorTransactionBoundaries.UNSUPPORTED;
  }

  /**
   * Accepts offsets set through the REST API only if a task could resume from them: a partition
   * of this connector, a position that belongs to the stream, and a start time.
   */
  @Override
  public boolean alterOffsets(
      Map<String, String> connectorConfig, Map<Map<String, ?>, Map<String, ?>> offsets) {
    String connector = connectorConfig.get(NAME_CONFIG);
    offsets.forEach(
        (partition, offset) -> {
          GeneratorStream stream = GeneratorStream.fromPartition(partition);
          if (connector != null && !connector.equals(stream.connectorName())) {
            throw new ConnectException(
                "source partition " + partition + " names generator '" + stream.connectorName()
                    + "', but this connector is '" + connector + "'; no task would read it");
          }
          if (offset != null) {
            StreamOffset.read(offset, stream);
          }
        });
    return true;
  }
}
