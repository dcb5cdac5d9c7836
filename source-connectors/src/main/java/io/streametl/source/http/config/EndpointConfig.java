package io.streametl.source.http.config;

import io.streametl.common.config.ConfigProblem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;

/**
 * The settings of one endpoint, read from {@code endpoint.<name>.<setting>} over the
 * connector-level {@code <setting>} (see {@link EndpointKeys}).
 */
public final class EndpointConfig {

  /** Every endpoint setting, by its name without the {@code endpoint.<name>.} prefix. */
  public static final ConfigDef CONFIG_DEF = configDef();

  /** The setting only an endpoint has: it has no connector-level default. */
  public static final String URL = RequestSettings.URL;

  private final String name;
  private final String baseUrl;
  private final RequestConfig request;
  private final RecordsConfig records;
  private final PaginationConfig pagination;
  private final WatermarkConfig watermark;

  private EndpointConfig(String name, String baseUrl, AbstractConfig config,
      Map<String, String> headers) {
    this.name = name;
    this.baseUrl = baseUrl;
    this.request = RequestSettings.parse(config, headers);
    this.records = RecordSettings.parse(config);
    this.pagination = PaginationSettings.parse(config);
    this.watermark = WatermarkSettings.parse(config);
  }

  private static ConfigDef configDef() {
    ConfigDef def = new ConfigDef();
    RequestSettings.define(def);
    RecordSettings.define(def);
    PaginationSettings.define(def);
    WatermarkSettings.define(def);
    return def;
  }

  /**
   * @throws org.apache.kafka.common.config.ConfigException on the first problem, at its key
   */
  public static EndpointConfig parse(Map<String, ?> props, String name, String connectorName,
      String baseUrl) {
    List<ConfigProblem> problems = check(props, name, connectorName, baseUrl);
    if (!problems.isEmpty()) {
      throw problems.get(0).toException();
    }
    return new EndpointConfig(name, baseUrl, new AbstractConfig(CONFIG_DEF,
        EndpointKeys.resolve(props, name), false), EndpointKeys.headers(props, name));
  }

  /** Every problem of the endpoint's settings, each at the key to change. */
  public static List<ConfigProblem> check(Map<String, ?> props, String name, String connectorName,
      String baseUrl) {
    List<ConfigProblem> problems = new ArrayList<>();
    Map<String, String> resolved = EndpointKeys.resolve(props, name);
    Map<String, String> checkable = new java.util.HashMap<>(resolved);
    for (ConfigValue value : CONFIG_DEF.validate(resolved)) {
      for (String message : value.errorMessages()) {
        problems.add(new ConfigProblem(EndpointKeys.problemKey(props, name, value.name()), message));
      }
      if (!value.errorMessages().isEmpty()) {
        checkable.remove(value.name()); // reported; the cross-setting checks use its default
      }
    }
    AbstractConfig config = new AbstractConfig(CONFIG_DEF, checkable, false);
    Map<String, String> headers = EndpointKeys.headers(props, name);
    CheckContext context = new CheckContext(props, name, connectorName, baseUrl, problems);
    RequestSettings.check(config, headers, context);
    PaginationSettings.check(config, context);
    WatermarkSettings.check(config, headers, context);
    return problems;
  }

  public String name() {
    return name;
  }

  /** The first page's URL for these template values, joined to base.url when relative. */
  public String url(Map<String, String> values) {
    return Urls.join(baseUrl, request.url().render(values, Template::percentEncode));
  }

  public RequestConfig request() {
    return request;
  }

  public RecordsConfig records() {
    return records;
  }

  public PaginationConfig pagination() {
    return pagination;
  }

  public WatermarkConfig watermark() {
    return watermark;
  }
}
