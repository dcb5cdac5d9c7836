package io.streametl.source.mqtt.config;

import io.streametl.common.config.ConfigProblem;

import io.streametl.common.config.EnumChoices;

import io.streametl.source.mqtt.mapping.RecordField;
import io.streametl.source.mqtt.mapping.TopicPattern;
import io.streametl.source.mqtt.mapping.TopicTemplate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.types.Password;

/**
 * The typed configuration of the MQTT source connector. ConfigDef checks each value on its own;
 * {@link #check} adds every cross-setting problem at the key to change, and the constructor fails
 * on the first of them, so validation and start-up cannot disagree.
 */
public final class MqttSourceConfig extends AbstractConfig {

  // Connection
  public static final String SERVER_URI = "mqtt.server.uri";
  public static final String VERSION = "mqtt.version";
  public static final String CLIENT_ID = "mqtt.client.id";
  public static final String CLEAN_START = "mqtt.clean.start";
  public static final String SESSION_EXPIRY_SECONDS = "mqtt.session.expiry.seconds";
  public static final String KEEPALIVE_SECONDS = "mqtt.keepalive.seconds";
  public static final String CONNECT_TIMEOUT_MS = "mqtt.connect.timeout.ms";
  public static final String RECONNECT_BACKOFF_INITIAL_MS = "mqtt.reconnect.backoff.initial.ms";
  public static final String RECONNECT_BACKOFF_MAX_MS = "mqtt.reconnect.backoff.max.ms";
  // Subscription
  public static final String TOPIC_FILTERS = "mqtt.topic.filters";
  public static final String QOS = "mqtt.qos";
  public static final String SHARED_GROUP = "mqtt.shared.group";
  public static final String SHARED_RESUBSCRIBE_QUIET_MS = "mqtt.shared.resubscribe.quiet.ms";
  public static final String MAX_INFLIGHT = "mqtt.max.inflight";
  public static final String RETAINED_MESSAGES = "retained.messages";
  // Security
  public static final String USERNAME = "mqtt.username";
  public static final String PASSWORD = "mqtt.password";
  public static final String TRUSTSTORE_LOCATION = "mqtt.ssl.truststore.location";
  public static final String TRUSTSTORE_PASSWORD = "mqtt.ssl.truststore.password";
  public static final String TRUSTSTORE_TYPE = "mqtt.ssl.truststore.type";
  public static final String KEYSTORE_LOCATION = "mqtt.ssl.keystore.location";
  public static final String KEYSTORE_PASSWORD = "mqtt.ssl.keystore.password";
  public static final String KEYSTORE_TYPE = "mqtt.ssl.keystore.type";
  public static final String KEY_PASSWORD = "mqtt.ssl.key.password";
  public static final String HOSTNAME_VERIFICATION = "mqtt.ssl.hostname.verification";
  // Mapping
  public static final String TOPIC_PATTERN = "mqtt.topic.pattern";
  public static final String KAFKA_TOPIC = "kafka.topic";
  public static final String RECORD_KEY = "record.key";
  public static final String RECORD_FIELDS = "record.fields";
  public static final String VALUE_FORMAT = "value.format";
  public static final String USER_PROPERTY_PREFIX = "headers.user.property.prefix";
  // Bad payloads
  public static final String BAD_PAYLOAD_POLICY = "bad.payload.policy";
  public static final String BAD_PAYLOAD_TOPIC = "bad.payload.topic";
  // Polling
  public static final String MAX_BATCH_SIZE = "max.batch.size";
  public static final String POLL_TIMEOUT_MS = "poll.timeout.ms";

  /** The runtime's keys this connector reads. */
  public static final String NAME = "name";
  public static final String TASKS_MAX = "tasks.max";

  private static final String GROUP_CONNECTION = "Connection";
  private static final String GROUP_SUBSCRIPTION = "Subscription";
  private static final String GROUP_SECURITY = "Security";
  private static final String GROUP_MAPPING = "Mapping";
  private static final String GROUP_BAD_PAYLOADS = "Bad payloads";
  private static final String GROUP_POLLING = "Polling";

  private static final String[] STORE_TYPES = {"PKCS12", "JKS"};
  private static final Pattern TOPIC_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
  private static final Pattern GROUP_NAME = Pattern.compile("[^/+#]+");
  /** MQTT 5 Receive Maximum is a two-byte integer. */
  public static final int MAX_RECEIVE_MAXIMUM = 65_535;
  /** MQTT 5 Session Expiry Interval is a four-byte integer (0xFFFFFFFF: never). */
  public static final long MAX_SESSION_EXPIRY = 4_294_967_295L;

  public static final ConfigDef CONFIG_DEF = configDef();

  /** @throws org.apache.kafka.common.config.ConfigException at the first problem's key */
  public MqttSourceConfig(Map<String, ?> props) {
    super(CONFIG_DEF, props, false);
    List<ConfigProblem> problems = problems(this, props);
    if (!problems.isEmpty()) {
      throw problems.get(0).toException();
    }
  }

  private static ConfigDef configDef() {
    ConfigDef def = new ConfigDef();
    int order = 0;
    def.define(SERVER_URI, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, validator(ServerUri::problem,
        "tcp://host:port or ssl://host:port"), Importance.HIGH,
        "The broker: tcp://host:port, or ssl://host:port for TLS (ports default to 1883 and"
            + " 8883). validate() tries to connect, so an unreachable broker is reported here.",
        GROUP_CONNECTION, ++order, Width.LONG, "Server URI");
    def.define(VERSION, Type.STRING, "5", validator(v -> MqttVersion.parse(v).isPresent()
        ? java.util.Optional.empty() : java.util.Optional.of("'" + v + "' must be 5 or 3.1.1"),
        "5 or 3.1.1"), Importance.HIGH,
        "The MQTT protocol version: 5 (receive maximum as the in-flight bound, user properties,"
            + " retain handling, shared subscriptions) or 3.1.1.",
        GROUP_CONNECTION, ++order, Width.SHORT, "MQTT version");
    def.define(CLIENT_ID, Type.STRING, "", Importance.HIGH,
        "The client id prefix; task N connects as <prefix>-N, the same id after every restart,"
            + " so the broker keeps its session (subscriptions and unacknowledged messages)."
            + " Empty: the connector's name. Two connectors must not share a prefix: the broker"
            + " would disconnect one client when the other connects.",
        GROUP_CONNECTION, ++order, Width.MEDIUM, "Client id prefix");
    def.define(CLEAN_START, Type.BOOLEAN, false, Importance.MEDIUM,
        "Whether each connect discards the broker's session. Keep false: with true, messages the"
            + " broker held for the task while it was away, or that Kafka had not yet acknowledged,"
            + " are lost.",
        GROUP_CONNECTION, ++order, Width.SHORT, "Clean start");
    def.define(SESSION_EXPIRY_SECONDS, Type.LONG, 86_400L, Range.between(0L, MAX_SESSION_EXPIRY),
        Importance.MEDIUM,
        "How long the broker keeps a task's session (and queues its messages) after the task"
            + " disconnects, in seconds (MQTT 5; 4294967295 means never expire). Outages longer"
            + " than this lose the messages of that time. MQTT 3.1.1 has no expiry: there the"
            + " session is persistent (cleanSession=false) unless mqtt.clean.start=true, and the"
            + " broker's own settings decide how long it lives.",
        GROUP_CONNECTION, ++order, Width.SHORT, "Session expiry (s)");
    def.define(KEEPALIVE_SECONDS, Type.INT, 60, Range.between(0, 65_535), Importance.LOW,
        "The MQTT keep-alive in seconds: the broker drops a silent client after 1.5 times it;"
            + " 0 turns keep-alive off.",
        GROUP_CONNECTION, ++order, Width.SHORT, "Keep-alive (s)");
    def.define(CONNECT_TIMEOUT_MS, Type.INT, 10_000, Range.atLeast(100), Importance.LOW,
        "How long a task waits for its first connection in start(), and validate() for its test"
            + " connection (at most 5 s there). A task that cannot connect in time keeps trying in"
            + " the background with the reconnect backoff.",
        GROUP_CONNECTION, ++order, Width.SHORT, "Connect timeout (ms)");
    def.define(RECONNECT_BACKOFF_INITIAL_MS, Type.LONG, 1_000L, Range.atLeast(1L), Importance.LOW,
        "The first wait before reconnecting after the connection is lost; doubled on every failed"
            + " attempt up to mqtt.reconnect.backoff.max.ms.",
        GROUP_CONNECTION, ++order, Width.SHORT, "Reconnect backoff (ms)");
    def.define(RECONNECT_BACKOFF_MAX_MS, Type.LONG, 60_000L, Range.atLeast(1L), Importance.LOW,
        "The longest wait between reconnect attempts.",
        GROUP_CONNECTION, ++order, Width.SHORT, "Max reconnect backoff (ms)");

    order = 0;
    def.define(TOPIC_FILTERS, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH,
        "The MQTT topic filters to subscribe to, comma-separated, with the + and # wildcards"
            + " (like devices/+/+/+/telemetry). Without mqtt.shared.group they are spread over"
            + " min(tasks.max, filters) tasks, each filter in one task; filters that could match"
            + " the same topic are then rejected, as that topic would be read twice. Write them"
            + " without $share/: set mqtt.shared.group instead.",
        GROUP_SUBSCRIPTION, ++order, Width.LONG, "Topic filters");
    def.define(QOS, Type.LIST, "1", Importance.HIGH,
        "The subscription QoS: one value (0, 1 or 2) for every filter, or one per filter in the"
            + " same order. Use 1 or 2 for no loss: QoS 0 messages are not redelivered after a"
            + " crash or a disconnect.",
        GROUP_SUBSCRIPTION, ++order, Width.SHORT, "QoS");
    def.define(SHARED_GROUP, Type.STRING, "", validator(v -> v.isEmpty()
        || GROUP_NAME.matcher(v).matches() ? java.util.Optional.empty()
        : java.util.Optional.of("'" + v + "' must not contain /, + or #"), "a name without / + #"),
        Importance.HIGH,
        "A shared subscription group: every task subscribes to $share/<group>/<filter> for all"
            + " filters, and the broker hands each message to one of them, so tasks.max tasks"
            + " share the load of even a single filter. Empty: no shared subscription (filters are"
            + " split over tasks). The broker must support shared subscriptions (MQTT 5; many"
            + " brokers also for 3.1.1).",
        GROUP_SUBSCRIPTION, ++order, Width.MEDIUM, "Shared subscription group");
    def.define(SHARED_RESUBSCRIBE_QUIET_MS, Type.LONG, 30_000L, Range.atLeast(0L),
        Importance.LOW,
        "With a shared subscription group: after this long with no message received and none in"
            + " flight, the task sends its SUBSCRIBE again. An equal subscription changes nothing"
            + " in MQTT, but it makes a broker that stopped serving the task resume (HiveMQ CE can"
            + " stop sending to a group member under a steady stream until it subscribes again or"
            + " reconnects). 0: never.",
        GROUP_SUBSCRIPTION, ++order, Width.SHORT, "Shared resubscribe after quiet (ms)");
    def.define(MAX_INFLIGHT, Type.INT, 1_000, Range.between(1, MAX_RECEIVE_MAXIMUM),
        Importance.MEDIUM,
        "The most messages a task holds that Kafka has not yet acknowledged (received, buffered"
            + " or being written). MQTT 5 tells the broker (receive maximum), which then stops"
            + " sending QoS 1 and 2 messages; QoS 0 messages, and all messages on 3.1.1, count too:"
            + " at the bound the task stops reading from the network until Kafka catches up, so a"
            + " slow Kafka applies backpressure to the broker and memory stays bounded. Nothing is"
            + " dropped by the task.",
        GROUP_SUBSCRIPTION, ++order, Width.SHORT, "Max in-flight messages");
    def.define(RETAINED_MESSAGES, Type.STRING, EnumChoices.value(RetainedPolicy.INCLUDE),
        EnumChoices.validator(RetainedPolicy.class), Importance.MEDIUM,
        "Retained messages (the last value the broker keeps per topic and sends on subscribe):"
            + " 'include' delivers them with the header mqtt.retained=true; 'skip' asks an MQTT 5"
            + " broker not to send them, and on 3.1.1 drops them in the task (acknowledged,"
            + " counted and logged, never written).",
        GROUP_SUBSCRIPTION, ++order, Width.SHORT, "Retained messages");

    order = 0;
    def.define(USERNAME, Type.STRING, "", Importance.MEDIUM,
        "The username to connect with; empty for none.",
        GROUP_SECURITY, ++order, Width.MEDIUM, "Username");
    def.define(PASSWORD, Type.PASSWORD, null, Importance.MEDIUM,
        "The password to connect with; use a config provider such as ${env:MQTT_PASSWORD}.",
        GROUP_SECURITY, ++order, Width.MEDIUM, "Password");
    def.define(TRUSTSTORE_LOCATION, Type.STRING, "", Importance.MEDIUM,
        "A truststore file (on every worker) with the CA or server certificates to trust for"
            + " ssl:// instead of the JVM's defaults.",
        GROUP_SECURITY, ++order, Width.LONG, "Truststore");
    def.define(TRUSTSTORE_PASSWORD, Type.PASSWORD, null, Importance.LOW,
        "The truststore's password, if it has one.", GROUP_SECURITY, ++order, Width.MEDIUM,
        "Truststore password");
    def.define(TRUSTSTORE_TYPE, Type.STRING, "PKCS12",
        ConfigDef.CaseInsensitiveValidString.in(STORE_TYPES), Importance.LOW,
        "The truststore's format.", GROUP_SECURITY, ++order, Width.SHORT, "Truststore type");
    def.define(KEYSTORE_LOCATION, Type.STRING, "", Importance.MEDIUM,
        "A keystore file with the client certificate and key for mutual TLS. Empty: no client"
            + " certificate.", GROUP_SECURITY, ++order, Width.LONG, "Keystore");
    def.define(KEYSTORE_PASSWORD, Type.PASSWORD, null, Importance.LOW,
        "The keystore's password.", GROUP_SECURITY, ++order, Width.MEDIUM, "Keystore password");
    def.define(KEYSTORE_TYPE, Type.STRING, "PKCS12",
        ConfigDef.CaseInsensitiveValidString.in(STORE_TYPES), Importance.LOW,
        "The keystore's format.", GROUP_SECURITY, ++order, Width.SHORT, "Keystore type");
    def.define(KEY_PASSWORD, Type.PASSWORD, null, Importance.LOW,
        "The private key's password, if it differs from the keystore's.",
        GROUP_SECURITY, ++order, Width.MEDIUM, "Key password");
    def.define(HOSTNAME_VERIFICATION, Type.BOOLEAN, true, Importance.MEDIUM,
        "Whether the broker's certificate must name the host of mqtt.server.uri. Turn off only for"
            + " tests: without it, any certificate the truststore trusts can impersonate the"
            + " broker.",
        GROUP_SECURITY, ++order, Width.SHORT, "Hostname verification");

    order = 0;
    def.define(TOPIC_PATTERN, Type.STRING, "", Importance.MEDIUM,
        "Names the levels of the MQTT topics for the templates, like"
            + " devices/{site}/{device_type}/{device_id}/telemetry: {name} captures a level,"
            + " + matches any level, a last # any rest, anything else must be equal. A message"
            + " whose topic does not fit is a bad payload. Empty: no names (${topic} and"
            + " ${level.N} still work).",
        GROUP_MAPPING, ++order, Width.LONG, "Topic pattern");
    def.define(KAFKA_TOPIC, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH,
        "The Kafka topic, a template: ${topic} (the MQTT topic), ${level.N} (its level N, from"
            + " 0) and ${name} (a level named in mqtt.topic.pattern), like iot.${device_type}."
            + " Characters Kafka does not allow (anything but a-z A-Z 0-9 . _ -) become '_'; a"
            + " result that is still no topic name (empty, '.', '..', over 249 characters) is a"
            + " bad payload.",
        GROUP_MAPPING, ++order, Width.LONG, "Kafka topic");
    def.define(RECORD_KEY, Type.STRING, "", Importance.HIGH,
        "The record key (a string), a template like kafka.topic's, e.g. ${device_id}, so each"
            + " device's records stay in order in one partition. Empty: null keys.",
        GROUP_MAPPING, ++order, Width.MEDIUM, "Record key");
    def.define(RECORD_FIELDS, Type.LIST, "", Importance.MEDIUM,
        "String fields added to each value, as field=template entries, like"
            + " site=${site},device_type=${device_type}. Only with value.format struct or map;"
            + " a field of the same name in the payload is replaced.",
        GROUP_MAPPING, ++order, Width.LONG, "Record fields");
    def.define(VALUE_FORMAT, Type.STRING, EnumChoices.value(ValueFormat.STRUCT),
        EnumChoices.validator(ValueFormat.class), Importance.HIGH,
        "How the payload becomes the value: 'struct', a JSON object as a Struct with a schema"
            + " inferred per Kafka topic (every field optional; new fields are added, so the schema"
            + " only evolves compatibly); 'map', a JSON object as a schemaless Map; 'string',"
            + " UTF-8 text; 'bytes', the raw payload. With struct and map a payload that is not"
            + " a JSON object is a bad payload; invalid UTF-8 is a bad payload with 'string'.",
        GROUP_MAPPING, ++order, Width.SHORT, "Value format");
    def.define(USER_PROPERTY_PREFIX, Type.STRING, "", Importance.LOW,
        "A prefix for the Kafka header names of MQTT 5 user properties (each user property"
            + " becomes a string header). Besides them every record carries the headers"
            + " mqtt.topic, mqtt.qos, mqtt.retained and, for MQTT 5 messages with one,"
            + " mqtt.content.type.",
        GROUP_MAPPING, ++order, Width.SHORT, "User property header prefix");

    order = 0;
    def.define(BAD_PAYLOAD_POLICY, Type.STRING, EnumChoices.value(BadPayloadPolicy.FAIL),
        EnumChoices.validator(BadPayloadPolicy.class), Importance.HIGH,
        "What to do with a message that cannot become a record (malformed JSON, not a JSON"
            + " object, topic not fitting mqtt.topic.pattern, no valid Kafka topic): 'fail' fails"
            + " the task with the reason, leaving the message unacknowledged (the broker sends it"
            + " again after a restart); 'error_topic' writes the raw payload to bad.payload.topic"
            + " with the reason and the MQTT topic in headers (streametl.mqtt.error.*) and"
            + " acknowledges the message once that record is in Kafka.",
        GROUP_BAD_PAYLOADS, ++order, Width.SHORT, "Bad payload policy");
    def.define(BAD_PAYLOAD_TOPIC, Type.STRING, "", Importance.MEDIUM,
        "The error topic for bad.payload.policy=error_topic.",
        GROUP_BAD_PAYLOADS, ++order, Width.MEDIUM, "Error topic");

    order = 0;
    def.define(MAX_BATCH_SIZE, Type.INT, 500, Range.atLeast(1), Importance.LOW,
        "The most records one poll returns.", GROUP_POLLING, ++order, Width.SHORT,
        "Max batch size");
    def.define(POLL_TIMEOUT_MS, Type.LONG, 500L, Range.between(1L, 60_000L), Importance.LOW,
        "The longest a poll waits for a first message, so the worker can commit and stop"
            + " promptly.", GROUP_POLLING, ++order, Width.SHORT, "Poll timeout (ms)");
    return def;
  }

  private static ConfigDef.Validator validator(
      java.util.function.Function<String, java.util.Optional<String>> problem, String describe) {
    return ConfigDef.LambdaValidator.with((name, value) -> {
      if (value != null) {
        problem.apply(value.toString()).ifPresent(p -> {
          throw new org.apache.kafka.common.config.ConfigException(name, value, p);
        });
      }
    }, () -> describe);
  }

  /**
   * Every problem ConfigDef's per-key validation does not see, each at the key to change. Call it
   * when every key passed ConfigDef's checks (it needs all values parsed).
   */
  public static List<ConfigProblem> check(Map<String, String> props) {
    return problems(new AbstractConfig(CONFIG_DEF, props, false), props);
  }

  private static List<ConfigProblem> problems(AbstractConfig config, Map<String, ?> props) {
    List<ConfigProblem> problems = new ArrayList<>();
    MqttVersion version = MqttVersion.parse(config.getString(VERSION)).orElseThrow();

    List<TopicFilter> filters = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    List<String> filterTexts = config.getList(TOPIC_FILTERS);
    if (filterTexts.isEmpty()) {
      problems.add(new ConfigProblem(TOPIC_FILTERS, "needs at least one topic filter"));
    }
    for (String text : filterTexts) {
      java.util.Optional<String> problem = TopicFilter.problem(text);
      if (problem.isPresent()) {
        problems.add(new ConfigProblem(TOPIC_FILTERS, problem.get()));
      } else if (!seen.add(text)) {
        problems.add(new ConfigProblem(TOPIC_FILTERS, "lists '" + text + "' twice"));
      } else {
        filters.add(TopicFilter.parse(text));
      }
    }
    List<String> qos = config.getList(QOS);
    for (String value : qos) {
      if (!value.matches("[012]")) {
        problems.add(new ConfigProblem(QOS, "'" + value + "' is no QoS: use 0, 1 or 2"));
      }
    }
    if (qos.isEmpty() || (qos.size() != 1 && qos.size() != filterTexts.size())) {
      problems.add(new ConfigProblem(QOS, "has " + qos.size() + " value(s) for "
          + filterTexts.size() + " topic filter(s): give one QoS for all, or one per filter"));
    }
    int tasksMax = tasksMax(props);
    if (config.getString(SHARED_GROUP).isEmpty() && tasksMax > 1 && filters.size() > 1) {
      for (int i = 0; i < filters.size(); i++) {
        for (int j = i + 1; j < filters.size(); j++) {
          if (filters.get(i).overlaps(filters.get(j))) {
            problems.add(new ConfigProblem(TOPIC_FILTERS, "'" + filters.get(i) + "' and '"
                + filters.get(j) + "' can match the same topic, which two tasks would then both"
                + " read: merge them, set tasks.max=1, or set " + SHARED_GROUP));
          }
        }
      }
    }

    TopicPattern pattern = null;
    try {
      pattern = TopicPattern.parse(config.getString(TOPIC_PATTERN));
    } catch (IllegalArgumentException e) {
      problems.add(new ConfigProblem(TOPIC_PATTERN, e.getMessage()));
    }
    if (pattern != null) {
      Set<String> names = pattern.names();
      String kafkaTopic = config.getString(KAFKA_TOPIC);
      try {
        TopicTemplate topic = TopicTemplate.parse(kafkaTopic, names);
        if (kafkaTopic.isEmpty()) {
          problems.add(new ConfigProblem(KAFKA_TOPIC, "must not be empty"));
        } else if (topic.isConstant() && !TOPIC_NAME.matcher(kafkaTopic).matches()) {
          problems.add(new ConfigProblem(KAFKA_TOPIC, "'" + kafkaTopic + "' is not a Kafka topic"
              + " name: 1 to 249 characters from a-z A-Z 0-9 . _ -"));
        }
      } catch (IllegalArgumentException e) {
        problems.add(new ConfigProblem(KAFKA_TOPIC, e.getMessage()));
      }
      try {
        TopicTemplate.parse(config.getString(RECORD_KEY), names);
      } catch (IllegalArgumentException e) {
        problems.add(new ConfigProblem(RECORD_KEY, e.getMessage()));
      }
      try {
        RecordField.parseAll(config.getList(RECORD_FIELDS), names);
      } catch (IllegalArgumentException e) {
        problems.add(new ConfigProblem(RECORD_FIELDS, e.getMessage()));
      }
    }
    ValueFormat format = EnumChoices.parse(ValueFormat.class, config.getString(VALUE_FORMAT));
    if (!format.isJson() && !config.getList(RECORD_FIELDS).isEmpty()) {
      problems.add(new ConfigProblem(RECORD_FIELDS, "adds fields to JSON objects, so it needs "
          + VALUE_FORMAT + "=struct or map, not " + EnumChoices.value(format)));
    }

    BadPayloadPolicy policy = EnumChoices.parse(BadPayloadPolicy.class,
        config.getString(BAD_PAYLOAD_POLICY));
    String errorTopic = config.getString(BAD_PAYLOAD_TOPIC);
    if (policy == BadPayloadPolicy.ERROR_TOPIC) {
      if (errorTopic.isEmpty()) {
        problems.add(new ConfigProblem(BAD_PAYLOAD_TOPIC, "is required with "
            + BAD_PAYLOAD_POLICY + "=error_topic"));
      } else if (!TOPIC_NAME.matcher(errorTopic).matches() || errorTopic.matches("\\.{1,2}")) {
        problems.add(new ConfigProblem(BAD_PAYLOAD_TOPIC, "'" + errorTopic + "' is not a Kafka"
            + " topic name: 1 to 249 characters from a-z A-Z 0-9 . _ -"));
      }
    }

    if (config.getLong(RECONNECT_BACKOFF_MAX_MS) < config.getLong(RECONNECT_BACKOFF_INITIAL_MS)) {
      problems.add(new ConfigProblem(RECONNECT_BACKOFF_MAX_MS, "is less than "
          + RECONNECT_BACKOFF_INITIAL_MS));
    }
    if (version == MqttVersion.V3_1_1 && config.getString(USERNAME).isEmpty()
        && config.getPassword(PASSWORD) != null) {
      problems.add(new ConfigProblem(USERNAME, "MQTT 3.1.1 sends a password only with a"
          + " username: set " + USERNAME));
    }
    boolean tls = ServerUri.problem(config.getString(SERVER_URI)).isEmpty()
        && ServerUri.parse(config.getString(SERVER_URI)).tls();
    if (!tls) {
      for (String key : List.of(TRUSTSTORE_LOCATION, KEYSTORE_LOCATION)) {
        if (!config.getString(key).isEmpty()) {
          problems.add(new ConfigProblem(key, "is set but " + SERVER_URI + " is not ssl://:"
              + " use ssl://host:port for TLS"));
        }
      }
    }
    if (config.getString(KEYSTORE_LOCATION).isEmpty() && config.getPassword(KEY_PASSWORD) != null) {
      problems.add(new ConfigProblem(KEY_PASSWORD, "is set but " + KEYSTORE_LOCATION + " is empty"));
    }
    String clientId = clientIdPrefix(config, props);
    if (clientId.isEmpty()) {
      problems.add(new ConfigProblem(CLIENT_ID, "is empty and the connector has no name"));
    }
    return problems;
  }

  static int tasksMax(Map<String, ?> props) {
    Object value = props.get(TASKS_MAX);
    try {
      return value == null ? 1 : Integer.parseInt(value.toString().trim());
    } catch (NumberFormatException e) {
      return 1; // the runtime reports it
    }
  }

  private static String clientIdPrefix(AbstractConfig config, Map<String, ?> props) {
    String prefix = config.getString(CLIENT_ID);
    if (!prefix.isEmpty()) {
      return prefix;
    }
    Object name = props.get(NAME);
    return name == null ? "" : name.toString();
  }

  public ServerUri serverUri() {
    return ServerUri.parse(getString(SERVER_URI));
  }

  public MqttVersion version() {
    return MqttVersion.parse(getString(VERSION)).orElseThrow();
  }

  /** The client id prefix: mqtt.client.id, or the connector's name. */
  public String clientIdPrefix() {
    return clientIdPrefix(this, originals());
  }

  public String connectorName() {
    Object name = originals().get(NAME);
    return name == null ? "" : name.toString();
  }

  public boolean cleanStart() {
    return getBoolean(CLEAN_START);
  }

  public long sessionExpirySeconds() {
    return getLong(SESSION_EXPIRY_SECONDS);
  }

  public int keepAliveSeconds() {
    return getInt(KEEPALIVE_SECONDS);
  }

  public int connectTimeoutMs() {
    return getInt(CONNECT_TIMEOUT_MS);
  }

  public long reconnectBackoffInitialMs() {
    return getLong(RECONNECT_BACKOFF_INITIAL_MS);
  }

  public long reconnectBackoffMaxMs() {
    return getLong(RECONNECT_BACKOFF_MAX_MS);
  }

  public List<TopicFilter> topicFilters() {
    return getList(TOPIC_FILTERS).stream().map(TopicFilter::parse).toList();
  }

  /** The QoS of each filter, in filter order. */
  public List<Integer> qosPerFilter() {
    List<String> qos = getList(QOS);
    int filters = getList(TOPIC_FILTERS).size();
    List<Integer> result = new ArrayList<>(filters);
    for (int i = 0; i < filters; i++) {
      result.add(Integer.parseInt(qos.size() == 1 ? qos.get(0) : qos.get(i)));
    }
    return result;
  }

  public String sharedGroup() {
    return getString(SHARED_GROUP);
  }

  public long sharedResubscribeQuietMs() {
    return getLong(SHARED_RESUBSCRIBE_QUIET_MS);
  }

  public int maxInflight() {
    return getInt(MAX_INFLIGHT);
  }

  public RetainedPolicy retainedPolicy() {
    return EnumChoices.parse(RetainedPolicy.class, getString(RETAINED_MESSAGES));
  }

  public String username() {
    return getString(USERNAME);
  }

  /** The password, or null for none. */
  public Password password() {
    return getPassword(PASSWORD);
  }

  public MqttTlsConfig tls() {
    return new MqttTlsConfig(
        getString(TRUSTSTORE_LOCATION),
        getString(TRUSTSTORE_TYPE).toUpperCase(java.util.Locale.ROOT),
        getPassword(TRUSTSTORE_PASSWORD),
        getString(KEYSTORE_LOCATION),
        getString(KEYSTORE_TYPE).toUpperCase(java.util.Locale.ROOT),
        getPassword(KEYSTORE_PASSWORD),
        getPassword(KEY_PASSWORD),
        getBoolean(HOSTNAME_VERIFICATION));
  }

  public TopicPattern topicPattern() {
    return TopicPattern.parse(getString(TOPIC_PATTERN));
  }

  public TopicTemplate kafkaTopic() {
    return TopicTemplate.parse(getString(KAFKA_TOPIC), topicPattern().names());
  }

  public TopicTemplate recordKey() {
    return TopicTemplate.parse(getString(RECORD_KEY), topicPattern().names());
  }

  public List<RecordField> recordFields() {
    return RecordField.parseAll(getList(RECORD_FIELDS), topicPattern().names());
  }

  public ValueFormat valueFormat() {
    return EnumChoices.parse(ValueFormat.class, getString(VALUE_FORMAT));
  }

  public String userPropertyPrefix() {
    return getString(USER_PROPERTY_PREFIX);
  }

  public BadPayloadPolicy badPayloadPolicy() {
    return EnumChoices.parse(BadPayloadPolicy.class, getString(BAD_PAYLOAD_POLICY));
  }

  public String badPayloadTopic() {
    return getString(BAD_PAYLOAD_TOPIC);
  }

  public int maxBatchSize() {
    return getInt(MAX_BATCH_SIZE);
  }

  public long pollTimeoutMs() {
    return getLong(POLL_TIMEOUT_MS);
  }
}
