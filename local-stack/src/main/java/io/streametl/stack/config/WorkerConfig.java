package io.streametl.stack.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The properties of one distributed-mode Connect worker of the stack. */
public final class WorkerConfig {

  public static final String DATA_DIR_ENV = "STREAMETL_DATA_DIR";
  /**
   * The broker address, for connectors whose own Kafka clients need it in their config (the
   * stock Iceberg sink's iceberg.kafka.bootstrap.servers) through ${env:STREAMETL_BOOTSTRAP_SERVERS}.
   */
  public static final String BOOTSTRAP_SERVERS_ENV = "STREAMETL_BOOTSTRAP_SERVERS";
  /** The stack's MQTT broker (tcp://host:port), for ${env:STREAMETL_MQTT_SERVER_URI} in MQTT source configs. */
  public static final String MQTT_SERVER_URI_ENV = "STREAMETL_MQTT_SERVER_URI";
  public static final String EXACTLY_ONCE_SOURCE_SUPPORT = "exactly.once.source.support";
  private static final String EXACTLY_ONCE_ENABLED = "enabled";

  private WorkerConfig() {}

  /**
   * @param index the worker's number, used for its client id (how it is recognised in the group)
   * @param overrides user properties applied last, so they win over everything here
   */
  public static Map<String, String> render(int index, String host, int restPort,
      String bootstrapServers, String groupId, Path pluginPath, String pluginDiscovery,
      Map<String, String> overrides) {
    Map<String, String> props = new LinkedHashMap<>();
    props.put("bootstrap.servers", bootstrapServers);
    props.put("group.id", groupId);
    props.put("client.id", clientId(index));
    props.put("listeners", "http://" + host + ":" + restPort);
    props.put("rest.advertised.host.name", host);
    props.put("rest.advertised.port", String.valueOf(restPort));

    props.put("config.storage.topic", groupId + "-configs");
    props.put("offset.storage.topic", groupId + "-offsets");
    props.put("status.storage.topic", groupId + "-status");
    props.put("config.storage.replication.factor", "1");
    props.put("offset.storage.replication.factor", "1");
    props.put("status.storage.replication.factor", "1");
    props.put("offset.storage.partitions", "5");

    props.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
    props.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");

    // Our plugins reach the worker only through plugin.path, as users install them.
    props.put("plugin.path", pluginPath.toString());
    props.put("plugin.discovery", pluginDiscovery);

    // Exactly-once end to end: transactional sources, and sinks that only see committed data.
    props.put(EXACTLY_ONCE_SOURCE_SUPPORT, EXACTLY_ONCE_ENABLED);
    props.put("consumer.isolation.level", "read_committed");

    // Fast takeover after a worker is killed: the default delay of 5 min before lost tasks are
    // reassigned would stall every kill test; a 10 s session notices the dead member quickly.
    props.put("scheduled.rebalance.max.delay.ms", "10000");
    props.put("session.timeout.ms", "10000");
    props.put("heartbeat.interval.ms", "3000");
    props.put("consumer.session.timeout.ms", "10000");
    props.put("consumer.heartbeat.interval.ms", "3000");
    props.put("offset.flush.interval.ms", "5000");

    // Connector configs point at files with ${env:STREAMETL_DATA_DIR} (the Iceberg catalog).
    props.put("config.providers", "env");
    props.put("config.providers.env.class",
        "org.apache.kafka.common.config.provider.EnvVarConfigProvider");
    // Connectors may tune their own clients (the tests shorten timeouts this way).
    props.put("connector.client.config.override.policy", "All");
    props.putAll(overrides);
    return props;
  }

  /**
   * Whether workers rendered with these overrides run source tasks in transactions: only with
   * {@code enabled} ({@code preparing} and {@code disabled} do not).
   */
  public static boolean exactlyOnceSources(Map<String, String> overrides) {
    return EXACTLY_ONCE_ENABLED.equalsIgnoreCase(
        overrides.getOrDefault(EXACTLY_ONCE_SOURCE_SUPPORT, EXACTLY_ONCE_ENABLED));
  }

  public static String clientId(int index) {
    return "streametl-worker-" + index;
  }
}
