package io.streametl.source.http.config;

import io.streametl.common.config.ConfigProblem;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.ConfigKey;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

/**
 * The typed configuration of the HTTP source connector: connector-level settings, and the
 * endpoints with their own settings over connector-level defaults. Composed from one small helper
 * per group; every cross-setting check reports at the key to change ({@link #check}).
 */
public final class HttpSourceConfig extends AbstractConfig {

  public static final String ENDPOINTS = "endpoints";
  public static final String BASE_URL = "base.url";
  /** The runtime's connector name key, used by the topic template's ${connector}. */
  public static final String NAME = "name";

  private static final String GROUP_ENDPOINTS = "Endpoints";

  public static final ConfigDef CONFIG_DEF = configDef();

  private final List<EndpointConfig> endpoints;

  /**
   * @throws org.apache.kafka.common.config.ConfigException at the first problem's key
   */
  public HttpSourceConfig(Map<String, ?> props) {
    super(CONFIG_DEF, props, false);
    List<ConfigProblem> problems = connectorProblems(this, props);
    if (!problems.isEmpty()) {
      throw problems.get(0).toException();
    }
    List<EndpointConfig> parsed = new ArrayList<>();
    for (String name : getList(ENDPOINTS)) {
      parsed.add(EndpointConfig.parse(props, name, connectorName(props), getString(BASE_URL)));
    }
    this.endpoints = List.copyOf(parsed);
  }

  private static ConfigDef configDef() {
    ConfigDef def = new ConfigDef();
    def.define(ENDPOINTS, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH,
        "The names of the endpoints to read, e.g. orders,customers. Each is one source partition"
            + " with its own offset, read by exactly one task; tasks.max tasks share them. Set"
            + " endpoint.{name}.url for each, and any other endpoint setting as"
            + " endpoint.{name}.{setting} to override its connector-level default. Headers:"
            + " header.{Name}={value} for all endpoints, endpoint.{name}.header.{Name} for one."
            + " Renaming an endpoint starts it from scratch; changing its URL keeps its offset.",
        GROUP_ENDPOINTS, 1, Width.LONG, "Endpoints");
    def.define(BASE_URL, Type.STRING, "", Validators.optionalAbsoluteUrl(), Importance.MEDIUM,
        "An absolute URL that relative endpoint URLs are appended to (with one slash between).",
        GROUP_ENDPOINTS, 2, Width.LONG, "Base URL");
    AuthSettings.define(def);
    ClientSettings.define(def);
    TlsSettings.define(def);
    BadResponseSettings.define(def);
    // Every endpoint setting but the URL is also a connector-level default for all endpoints.
    for (ConfigKey key : EndpointConfig.CONFIG_DEF.configKeys().values()) {
      if (!key.name.equals(EndpointConfig.URL)) {
        def.define(key.name, key.type, key.defaultValue, key.validator, key.importance,
            key.documentation + " The default for every endpoint; endpoint.{name}." + key.name
                + " overrides it.",
            key.group, key.orderInGroup, key.width, key.displayName);
      }
    }
    return def;
  }

  /**
   * Every problem of the configuration that ConfigDef's own validation of the connector-level keys
   * does not report, each at the key to change: per-endpoint keys always, cross-setting checks of
   * the connector-level keys when {@code connectorKeysValid} (they need every value parsed).
   */
  public static List<ConfigProblem> check(Map<String, String> props, boolean connectorKeysValid) {
    List<ConfigProblem> problems = new ArrayList<>();
    String baseUrl = props.getOrDefault(BASE_URL, "");
    if (!baseUrl.isEmpty() && Validators.absoluteUrlProblem(baseUrl).isPresent()) {
      baseUrl = null; // reported at base.url; endpoint URLs relative to it cannot be checked
    }
    if (connectorKeysValid) {
      problems.addAll(connectorProblems(new AbstractConfig(CONFIG_DEF, props, false), props));
    }
    Set<String> names = new HashSet<>();
    String list = props.get(ENDPOINTS);
    for (String name : list == null ? new String[0] : list.split(",")) {
      String trimmed = name.trim();
      if (EndpointKeys.NAME.matcher(trimmed).matches() && names.add(trimmed)) {
        problems.addAll(EndpointConfig.check(props, trimmed, connectorName(props), baseUrl));
      }
    }
    return problems;
  }

  private static List<ConfigProblem> connectorProblems(AbstractConfig config, Map<String, ?> props) {
    List<ConfigProblem> problems = new ArrayList<>();
    List<String> names = config.getList(ENDPOINTS);
    if (names.isEmpty()) {
      problems.add(new ConfigProblem(ENDPOINTS, "needs at least one endpoint name"));
    }
    Set<String> seen = new HashSet<>();
    for (String name : names) {
      if (!EndpointKeys.NAME.matcher(name).matches()) {
        problems.add(new ConfigProblem(ENDPOINTS, "'" + name + "' is not a valid endpoint name:"
            + " 1 to 100 characters from a-z A-Z 0-9 _ -"));
      } else if (!seen.add(name)) {
        problems.add(new ConfigProblem(ENDPOINTS, "lists '" + name + "' twice"));
      }
    }
    for (String key : props.keySet()) {
      unknownEndpointKeyProblem(key, seen).ifPresent(problems::add);
    }
    AuthSettings.check(config, problems);
    ClientSettings.check(config, problems);
    TlsSettings.check(config, problems);
    BadResponseSettings.check(config, problems);
    return problems;
  }

  /** A key under endpoint. that names no listed endpoint or no endpoint setting: likely a typo. */
  private static Optional<ConfigProblem> unknownEndpointKeyProblem(String key,
      Set<String> endpoints) {
    if (!key.startsWith(EndpointKeys.PREFIX)) {
      return Optional.empty();
    }
    String rest = key.substring(EndpointKeys.PREFIX.length());
    int dot = rest.indexOf('.');
    String name = dot < 0 ? rest : rest.substring(0, dot);
    String setting = dot < 0 ? "" : rest.substring(dot + 1);
    if (!endpoints.contains(name)) {
      return Optional.of(new ConfigProblem(key, "'" + name + "' is not listed in "
          + ENDPOINTS + " " + endpoints.stream().sorted().toList()));
    }
    boolean header = setting.startsWith(EndpointKeys.HEADER_PREFIX)
        && setting.length() > EndpointKeys.HEADER_PREFIX.length();
    if (!header && !EndpointConfig.CONFIG_DEF.names().contains(setting)) {
      return Optional.of(new ConfigProblem(key, "'" + setting + "' is not an endpoint"
          + " setting; see the endpoint settings in the connector's documentation"));
    }
    return Optional.empty();
  }

  static String connectorName(Map<String, ?> props) {
    Object name = props.get(NAME);
    return name == null ? "" : name.toString();
  }

  public String connectorName() {
    return connectorName(originals());
  }

  public List<EndpointConfig> endpoints() {
    return endpoints;
  }

  public AuthConfig auth() {
    return AuthSettings.parse(this);
  }

  public ClientConfig client() {
    return ClientSettings.parse(this);
  }

  public TlsConfig tls() {
    return TlsSettings.parse(this);
  }

  public BadResponseConfig badResponses() {
    return BadResponseSettings.parse(this);
  }
}
