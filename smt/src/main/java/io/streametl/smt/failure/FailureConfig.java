package io.streametl.smt.failure;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.transforms.util.SimpleConfig;

/**
 * The failure-handling configs every validating transform shares (JSON Schema, field rules,
 * timestamps): one definition, one parser, one set of docs.
 */
public final class FailureConfig {

  public static final String ON_FAILURE_CONFIG = "on.failure";
  public static final String ON_TOMBSTONE_CONFIG = "on.tombstone";
  public static final String ERROR_TOPIC_CONFIG = "error.topic";
  public static final String ERROR_PRODUCER_PREFIX = "error.producer.";
  public static final String ERROR_BOOTSTRAP_SERVERS_CONFIG =
      ERROR_PRODUCER_PREFIX + ProducerConfig.BOOTSTRAP_SERVERS_CONFIG;
  public static final String ERROR_SEND_TIMEOUT_MS_CONFIG = "error.send.timeout.ms";

  static final String TOMBSTONE_PASS = "pass";
  static final String TOMBSTONE_FAIL = "fail";

  private static final String GROUP = "Failure handling";

  private final FailurePolicy policy;
  private final boolean tombstonesFail;
  private final String errorTopic;
  private final long sendTimeoutMs;
  private final Map<String, Object> producerProps;

  /**
   * Reads and cross-checks the failure configs in {@code props}.
   *
   * @throws ConfigException if a value is invalid, or the error-topic policy lacks its topic or
   *     bootstrap servers
   */
  public FailureConfig(Map<String, ?> props) {
    SimpleConfig config = new SimpleConfig(define(new ConfigDef(), 0), props);
    this.policy = FailurePolicy.parse(config.getString(ON_FAILURE_CONFIG));
    this.tombstonesFail = TOMBSTONE_FAIL.equals(config.getString(ON_TOMBSTONE_CONFIG));
    this.errorTopic = config.getString(ERROR_TOPIC_CONFIG).trim();
    this.sendTimeoutMs = config.getLong(ERROR_SEND_TIMEOUT_MS_CONFIG);
    this.producerProps = new HashMap<>(config.originalsWithPrefix(ERROR_PRODUCER_PREFIX));
    if (policy == FailurePolicy.ERROR_TOPIC) {
      if (errorTopic.isEmpty()) {
        throw new ConfigException(
            ERROR_TOPIC_CONFIG, "", "is required when " + ON_FAILURE_CONFIG + "="
                + FailurePolicy.ERROR_TOPIC.configName() + ": name the topic that receives"
                + " failing records");
      }
      Object servers = producerProps.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG);
      if (servers == null || servers.toString().isBlank()) {
        throw new ConfigException(
            ERROR_BOOTSTRAP_SERVERS_CONFIG, "", "is required when " + ON_FAILURE_CONFIG + "="
                + FailurePolicy.ERROR_TOPIC.configName() + ": a transform cannot reach the"
                + " worker's producer, so give the brokers of the error topic (host:port,...)");
      }
    }
  }

  /**
   * Adds the failure configs to {@code def} in their own group.
   *
   * @param firstOrder the order in group of the first config, so a transform can put them after
   *     its own
   */
  public static ConfigDef define(ConfigDef def, int firstOrder) {
    int order = firstOrder;
    return def.define(
            ON_FAILURE_CONFIG,
            ConfigDef.Type.STRING,
            FailurePolicy.FAIL.configName(),
            new PolicyValidator(),
            ConfigDef.Importance.HIGH,
            "What happens to a record that fails validation. fail: throw a DataException that"
                + " names every failing field path and rule (never the data); with"
                + " errors.tolerance=all a sink connector then sends the record to its"
                + " dead-letter queue with the reason in Connect's error headers, and a source"
                + " connector skips it. error-topic: write the record as JSON to "
                + ERROR_TOPIC_CONFIG + " with the reasons in headers (streametl.error.reason,"
                + " streametl.error.transform, streametl.error.topic, streametl.error.partition,"
                + " streametl.error.offset), wait until the brokers acknowledge it (acks=all),"
                + " then drop it from the chain; if the write fails the transform throws, so the"
                + " record is never dropped unwritten. drop: drop the record and log a WARN line"
                + " with the reasons and the running count of dropped records.",
            GROUP,
            ++order,
            ConfigDef.Width.SHORT,
            "On failure")
        .define(
            ON_TOMBSTONE_CONFIG,
            ConfigDef.Type.STRING,
            TOMBSTONE_PASS,
            ConfigDef.ValidString.in(TOMBSTONE_PASS, TOMBSTONE_FAIL),
            ConfigDef.Importance.LOW,
            "What happens to a record whose checked part is null (a tombstone, or a null key)."
                + " pass: it passes unchecked. fail: it fails validation and follows "
                + ON_FAILURE_CONFIG + ".",
            GROUP,
            ++order,
            ConfigDef.Width.SHORT,
            "On tombstone")
        .define(
            ERROR_TOPIC_CONFIG,
            ConfigDef.Type.STRING,
            "",
            ConfigDef.Importance.MEDIUM,
            "The topic failing records are written to when " + ON_FAILURE_CONFIG
                + "=error-topic. Key and value are written as JSON (Decimals as numbers,"
                + " timestamps as ISO-8601 strings, bytes as base64), with the record's own"
                + " headers kept.",
            GROUP,
            ++order,
            ConfigDef.Width.MEDIUM,
            "Error topic")
        .define(
            ERROR_BOOTSTRAP_SERVERS_CONFIG,
            ConfigDef.Type.STRING,
            "",
            ConfigDef.Importance.MEDIUM,
            "The brokers of the error topic (host:port,...), required when " + ON_FAILURE_CONFIG
                + "=error-topic. Any other producer setting can be given with the same "
                + ERROR_PRODUCER_PREFIX + " prefix (e.g. " + ERROR_PRODUCER_PREFIX
                + "security.protocol); acks=all and idempotence are always on. Put secrets in a"
                + " config provider (${file:...}), since undeclared settings are shown in plain"
                + " text by the REST API.",
            GROUP,
            ++order,
            ConfigDef.Width.LONG,
            "Error topic brokers")
        .define(
            ERROR_SEND_TIMEOUT_MS_CONFIG,
            ConfigDef.Type.LONG,
            120_000L,
            ConfigDef.Range.atLeast(1),
            ConfigDef.Importance.LOW,
            "How long to wait for the error topic to acknowledge a failing record before the"
                + " transform throws a RetriableException (the record is then retried or, with"
                + " errors.tolerance=all, skipped by Connect; it is never silently dropped by"
                + " this transform).",
            GROUP,
            ++order,
            ConfigDef.Width.SHORT,
            "Error send timeout (ms)");
  }

  public FailurePolicy policy() {
    return policy;
  }

  /** Whether a null key or value counts as a failure rather than passing unchecked. */
  public boolean tombstonesFail() {
    return tombstonesFail;
  }

  public String errorTopic() {
    return errorTopic;
  }

  public long sendTimeoutMs() {
    return sendTimeoutMs;
  }

  /** The {@code error.producer.*} settings without the prefix. */
  public Map<String, Object> producerProps() {
    return Map.copyOf(producerProps);
  }

  /** Checks {@code on.failure} with the parser the constructor uses. */
  private static final class PolicyValidator implements ConfigDef.Validator {
    @Override
    public void ensureValid(String name, Object value) {
      try {
        FailurePolicy.parse(value == null ? null : value.toString());
      } catch (ConfigException e) {
        throw new ConfigException(name, value, e.getMessage());
      }
    }

    @Override
    public String toString() {
      return FailurePolicy.validNames();
    }
  }
}
