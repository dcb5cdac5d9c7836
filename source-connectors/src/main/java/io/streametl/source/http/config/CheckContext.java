package io.streametl.source.http.config;

import io.streametl.common.config.ConfigProblem;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Collects the problems of one endpoint's settings, each at the key the user has to change: the
 * per-endpoint key, or the connector-level default the endpoint inherits.
 */
final class CheckContext {

  private final Map<String, ?> props;
  private final String endpoint;
  private final String connectorName;
  private final String baseUrl;
  private final List<ConfigProblem> problems;

  CheckContext(Map<String, ?> props, String endpoint, String connectorName, String baseUrl,
      List<ConfigProblem> problems) {
    this.props = props;
    this.endpoint = endpoint;
    this.connectorName = connectorName;
    this.baseUrl = baseUrl;
    this.problems = problems;
  }

  String endpoint() {
    return endpoint;
  }

  String connectorName() {
    return connectorName;
  }

  void problem(String setting, String message) {
    problems.add(new ConfigProblem(EndpointKeys.problemKey(props, endpoint, setting), message));
  }

  void headerProblem(String header, String message) {
    problems.add(new ConfigProblem(EndpointKeys.headerKey(props, endpoint, header), message));
  }

  /** The parsed template, or empty after recording why it does not parse. */
  Optional<Template> template(String setting, String text, Set<String> variables) {
    try {
      return Optional.of(Template.parse(text, variables));
    } catch (IllegalArgumentException e) {
      problem(setting, e.getMessage());
      return Optional.empty();
    }
  }

  Optional<String> resolveUrl(String url) {
    return Urls.problem(baseUrl, url);
  }
}
