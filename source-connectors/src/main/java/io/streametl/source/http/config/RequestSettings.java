package io.streametl.source.http.config;

import io.streametl.common.config.EnumChoices;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

/** The endpoint settings of the "Request" group: what to call and where the records go. */
final class RequestSettings {

  static final String GROUP = "Endpoint request";

  static final String URL = "url";
  static final String METHOD = "method";
  static final String BODY = "body";
  static final String TOPIC = "topic";
  static final String POLL_INTERVAL_MS = "poll.interval.ms";

  static final Set<String> URL_VARIABLES = Set.of(Template.ENDPOINT, Template.WATERMARK);
  static final Set<String> BODY_VARIABLES = Set.of(Template.ENDPOINT, Template.WATERMARK);
  static final Set<String> TOPIC_VARIABLES = Set.of(Template.ENDPOINT, Template.CONNECTOR);

  private RequestSettings() {}

  static void define(ConfigDef def) {
    int order = 0;
    def.define(URL, Type.STRING, null, Importance.HIGH,
        "The URL of the endpoint's first page, absolute or relative to base.url. Endpoint-only:"
            + " set it as endpoint.{name}.url. May hold ${watermark} (percent-encoded when"
            + " substituted) and ${endpoint}. Pagination parameters are added to it.",
        GROUP, ++order, Width.LONG, "URL");
    def.define(METHOD, Type.STRING, EnumChoices.value(HttpMethod.GET), EnumChoices.validator(HttpMethod.class),
        Importance.MEDIUM, "GET, or POST for query APIs that take a request body.",
        GROUP, ++order, Width.SHORT, "Method");
    def.define(BODY, Type.STRING, "", Importance.LOW,
        "The request body of a POST, sent as application/json. May hold ${watermark}"
            + " (JSON-string-escaped when substituted) and ${endpoint}.",
        GROUP, ++order, Width.LONG, "Body");
    def.define(TOPIC, Type.STRING, "${" + Template.ENDPOINT + "}", Importance.HIGH,
        "The topic of the endpoint's records: a template over ${endpoint} and ${connector},"
            + " for example api.${endpoint}.",
        GROUP, ++order, Width.MEDIUM, "Topic");
    def.define(POLL_INTERVAL_MS, Type.LONG, 60_000L, ConfigDef.Range.atLeast(0), Importance.MEDIUM,
        "How long after a sync of the endpoint (its whole page chain) the next sync starts.",
        GROUP, ++order, Width.SHORT, "Poll interval (ms)");
  }

  static RequestConfig parse(AbstractConfig config, Map<String, String> headers) {
    Map<String, Template> headerTemplates = new LinkedHashMap<>();
    headers.forEach((name, value) -> headerTemplates.put(name, Template.parse(value, BODY_VARIABLES)));
    String url = config.getString(URL);
    return new RequestConfig(
        url == null ? null : Template.parse(url, URL_VARIABLES),
        EnumChoices.parse(HttpMethod.class, config.getString(METHOD)),
        Template.parse(config.getString(BODY), BODY_VARIABLES),
        Template.parse(config.getString(TOPIC), TOPIC_VARIABLES),
        config.getLong(POLL_INTERVAL_MS),
        Map.copyOf(headerTemplates));
  }

  /** Settings problems that ConfigDef cannot see: templates, and what the URL and topic render to. */
  static void check(AbstractConfig config, Map<String, String> headers, CheckContext context) {
    String url = config.getString(URL);
    if (url == null || url.isBlank()) {
      context.problem(URL, "is required: the URL of the endpoint's first page");
    } else {
      context.template(URL, url, URL_VARIABLES).ifPresent(template -> {
        String sample = template.render(Map.of(Template.ENDPOINT, context.endpoint(),
            Template.WATERMARK, "0"));
        context.resolveUrl(sample).ifPresent(problem -> context.problem(URL, problem));
      });
    }
    HttpMethod method = EnumChoices.parse(HttpMethod.class, config.getString(METHOD));
    String body = config.getString(BODY);
    if (method == HttpMethod.GET && !body.isEmpty()) {
      context.problem(BODY, "is set but method is GET; set method=post to send a body");
    }
    context.template(BODY, body, BODY_VARIABLES);
    context.template(TOPIC, config.getString(TOPIC), TOPIC_VARIABLES).ifPresent(template -> {
      String topic = template.render(Map.of(Template.ENDPOINT, context.endpoint(),
          Template.CONNECTOR, context.connectorName()));
      Validators.topicProblem(topic).ifPresent(problem -> context.problem(TOPIC,
          "renders to " + problem));
    });
    headers.forEach((name, value) -> {
      if (!Validators.isHeaderName(name)) {
        context.headerProblem(name, "'" + name + "' is not a valid HTTP header name");
      }
      try {
        Template.parse(value, BODY_VARIABLES);
      } catch (IllegalArgumentException e) {
        context.headerProblem(name, e.getMessage());
      }
    });
  }

  /** The settings whose values may use ${watermark}. */
  static List<String> watermarkTemplates() {
    return List.of(URL, BODY);
  }
}
