package io.streametl.stack.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small client for the Kafka Connect REST API (java.net.http and Jackson, no Connect classes).
 *
 * <p>Answers 409 (the worker is rebalancing or its config is stale) and 503 (still starting) are
 * retried for up to {@link #TRANSIENT_RETRY_TIME}: a client of a cluster in motion, as after a
 * worker kill, would otherwise have to wrap every call itself. Everything else fails at once with
 * Connect's own error message.
 */
public final class ConnectRestClient {

  static final Duration TRANSIENT_RETRY_TIME = Duration.ofSeconds(60);
  private static final Duration TRANSIENT_RETRY_INTERVAL = Duration.ofMillis(500);
  private static final Duration STATUS_POLL_INTERVAL = Duration.ofMillis(500);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI baseUrl;
  private final Duration requestTimeout;
  private final HttpClient http;

  /** A client with a request timeout above Connect's own 90 s limit for validation and creation. */
  public ConnectRestClient(URI baseUrl) {
    this(baseUrl, Duration.ofSeconds(100));
  }

  public ConnectRestClient(URI baseUrl, Duration requestTimeout) {
    String url = baseUrl.toString();
    this.baseUrl = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    this.requestTimeout = requestTimeout;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  public URI baseUrl() {
    return baseUrl;
  }

  /** GET /health (Kafka 3.9+): true once the worker has finished starting and its herder runs. */
  public boolean isHealthy() {
    try {
      HttpResponse<String> response = http.send(request("/health").GET().build(),
          HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** GET /: the worker's Kafka version and the id of the Kafka cluster it uses. */
  public Map<String, String> serverInfo() {
    return convert(get("/"), new TypeReference<>() {});
  }

  /** GET /connectors */
  public List<String> connectors() {
    return convert(get("/connectors"), new TypeReference<>() {});
  }

  /**
   * PUT /connectors/{name}/config: creates the connector or replaces its config, so applying the
   * same file twice is harmless. Returns true if the connector was created.
   */
  public boolean createOrUpdate(String name, Map<String, String> config) {
    String configName = config.get("name");
    if (configName != null && !configName.equals(name)) {
      throw new IllegalArgumentException("The config of connector " + name + " has name="
          + configName + "; remove it or make them equal.");
    }
    HttpResponse<String> response = send("PUT", "/connectors/" + segment(name) + "/config",
        toJson(config));
    return response.statusCode() == 201;
  }

  /** DELETE /connectors/{name}; returns false if there was no such connector. */
  public boolean delete(String name) {
    try {
      send("DELETE", "/connectors/" + segment(name), null);
      return true;
    } catch (ConnectRestException e) {
      if (e.isNotFound()) {
        return false;
      }
      throw e;
    }
  }

  /** POST /connectors/{name}/restart?includeTasks=true: restarts the connector and all its tasks. */
  public void restart(String name) {
    send("POST", "/connectors/" + segment(name) + "/restart?includeTasks=true&onlyFailed=false",
        null);
  }

  /**
   * PUT /connectors/{name}/stop (KIP-875): shuts the tasks down but keeps the connector, its
   * config and its offsets; {@link #resume} starts them again.
   */
  public void stop(String name) {
    send("PUT", "/connectors/" + segment(name) + "/stop", null);
  }

  /** PUT /connectors/{name}/resume: starts a stopped or paused connector's tasks again. */
  public void resume(String name) {
    send("PUT", "/connectors/" + segment(name) + "/resume", null);
  }

  /** GET /connectors/{name}/status */
  public ConnectorStatus status(String name) {
    JsonNode node = get("/connectors/" + segment(name) + "/status");
    JsonNode connector = node.path("connector");
    List<TaskStatus> tasks = new ArrayList<>();
    for (JsonNode task : node.path("tasks")) {
      tasks.add(new TaskStatus(task.path("id").asInt(), task.path("state").asText(),
          textOrNull(task, "worker_id"), textOrNull(task, "trace")));
    }
    return new ConnectorStatus(node.path("name").asText(name), textOrNull(node, "type"),
        connector.path("state").asText(), textOrNull(connector, "worker_id"),
        textOrNull(connector, "trace"), tasks);
  }

  /** The status, or empty if Connect does not know the connector (yet). */
  public Optional<ConnectorStatus> findStatus(String name) {
    try {
      return Optional.of(status(name));
    } catch (ConnectRestException e) {
      if (e.isNotFound()) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * Waits until the connector and exactly {@code expectedTasks} tasks are RUNNING. Fails at once,
   * with Connect's trace, if the connector or a task is FAILED: a failed task stays failed until
   * restarted, so waiting longer would only hide the reason.
   */
  public ConnectorStatus awaitRunning(String name, int expectedTasks, Duration timeout) {
    return awaitStatus(name, timeout, expectedTasks + " task(s)",
        status -> status.isRunning(expectedTasks));
  }

  /** Like {@link #awaitRunning(String, int, Duration)} for any number (at least one) of tasks. */
  public ConnectorStatus awaitRunning(String name, Duration timeout) {
    return awaitStatus(name, timeout, "its tasks", ConnectorStatus::isRunningWithTasks);
  }

  /** Validates a config file as Connect would when it is created (name included). */
  public ValidationResult validate(ConnectorConfigFile file) {
    return validate(file.connectorClass(), file.configWithName());
  }

  /**
   * PUT /connector-plugins/{class}/config/validate. The config must hold {@code name}, as when
   * it is created, or Connect reports it missing.
   */
  public ValidationResult validate(String connectorClass, Map<String, String> config) {
    Map<String, String> body = new LinkedHashMap<>(config);
    body.putIfAbsent("connector.class", connectorClass);
    JsonNode node = parse(send("PUT", "/connector-plugins/" + segment(connectorClass)
        + "/config/validate", toJson(body)));
    Map<String, List<String>> errors = new LinkedHashMap<>();
    for (JsonNode entry : node.path("configs")) {
      JsonNode value = entry.path("value");
      List<String> messages = new ArrayList<>();
      value.path("errors").forEach(message -> messages.add(message.asText()));
      if (!messages.isEmpty()) {
        errors.put(value.path("name").asText(), messages);
      }
    }
    return new ValidationResult(connectorClass, node.path("error_count").asInt(), errors);
  }

  /** GET /connector-plugins?connectorsOnly=false: connectors, transforms, predicates, converters. */
  public List<ConnectorPlugin> connectorPlugins() {
    List<ConnectorPlugin> plugins = new ArrayList<>();
    for (JsonNode plugin : get("/connector-plugins?connectorsOnly=false")) {
      plugins.add(new ConnectorPlugin(plugin.path("class").asText(), plugin.path("type").asText(),
          textOrNull(plugin, "version")));
    }
    return plugins;
  }

  /** GET /connectors/{name}/offsets (KIP-875). */
  public List<ConnectorOffset> offsets(String name) {
    List<ConnectorOffset> offsets = new ArrayList<>();
    for (JsonNode entry : get("/connectors/" + segment(name) + "/offsets").path("offsets")) {
      offsets.add(new ConnectorOffset(objectMap(entry.get("partition")),
          objectMap(entry.get("offset"))));
    }
    return offsets;
  }

  private ConnectorStatus awaitStatus(String name, Duration timeout, String what,
      java.util.function.Predicate<ConnectorStatus> done) {
    long deadline = System.nanoTime() + timeout.toNanos();
    ConnectorStatus last = null;
    while (true) {
      Optional<ConnectorStatus> status = findStatus(name);
      if (status.isPresent()) {
        last = status.get();
        failIfFailed(last);
        if (done.test(last)) {
          return last;
        }
      }
      if (System.nanoTime() - deadline >= 0) {
        throw new ConnectRestException(0, "Connector " + name + " was not RUNNING with " + what
            + " after " + timeout.toSeconds() + " s; last status: "
            + (last == null ? "unknown to Connect" : last.summary()));
      }
      pause(STATUS_POLL_INTERVAL);
    }
  }

  private static void failIfFailed(ConnectorStatus status) {
    if (status.isConnectorFailed()) {
      throw new ConnectorFailedException("Connector " + status.name() + " FAILED on worker "
          + status.workerId() + ":" + System.lineSeparator() + status.trace(), status);
    }
    status.firstFailedTask().ifPresent(task -> {
      throw new ConnectorFailedException("Task " + task.id() + " of connector " + status.name()
          + " FAILED on worker " + task.workerId() + ":" + System.lineSeparator() + task.trace(),
          status);
    });
  }

  private JsonNode get(String path) {
    return parse(send("GET", path, null));
  }

  private HttpResponse<String> send(String method, String path, String jsonBody) {
    long deadline = System.nanoTime() + TRANSIENT_RETRY_TIME.toNanos();
    while (true) {
      HttpResponse<String> response = sendOnce(method, path, jsonBody);
      int status = response.statusCode();
      if (status < 300) {
        return response;
      }
      boolean transientError = status == 409 || status == 503;
      if (!transientError || System.nanoTime() - deadline >= 0) {
        throw new ConnectRestException(status, method + " " + baseUrl + path + " answered " + status
            + ": " + errorMessage(response.body()));
      }
      pause(TRANSIENT_RETRY_INTERVAL);
    }
  }

  private HttpResponse<String> sendOnce(String method, String path, String jsonBody) {
    HttpRequest.BodyPublisher body = jsonBody == null
        ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8);
    HttpRequest request = request(path).method(method, body).build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (ConnectException e) {
      throw new ConnectRestException("No Connect worker answers at " + baseUrl + " (" + method
          + " " + path + "): connection refused", e);
    } catch (IOException e) {
      throw new ConnectRestException(method + " " + baseUrl + path + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectRestException("Interrupted during " + method + " " + baseUrl + path, e);
    }
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(requestTimeout)
        .header("Accept", "application/json")
        .header("Content-Type", "application/json");
  }

  /** Connect answers errors as {"error_code": 400, "message": "..."}; anything else as is. */
  static String errorMessage(String body) {
    try {
      JsonNode node = JSON.readTree(body);
      if (node != null && node.hasNonNull("message")) {
        return node.get("message").asText();
      }
    } catch (JsonProcessingException e) {
      // Not JSON (a proxy's or Jetty's HTML page): show the body itself.
    }
    return body == null || body.isBlank() ? "(empty body)" : body.strip();
  }

  /** Percent-encodes one path segment; connector names may hold spaces, classes hold '$'. */
  static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String textOrNull(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static JsonNode parse(HttpResponse<String> response) {
    try {
      String body = response.body();
      return body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new ConnectRestException(response.statusCode(), "Connect answered " + response.uri()
          + " with invalid JSON: " + e.getOriginalMessage());
    }
  }

  private static String toJson(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Cannot write the request body as JSON", e);
    }
  }

  /** A JSON object as a map; a missing or null node (a source that wrote no offset) as empty. */
  private static Map<String, Object> objectMap(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return Map.of();
    }
    return convert(node, new TypeReference<Map<String, Object>>() {});
  }

  private static <T> T convert(JsonNode node, TypeReference<T> type) {
    return JSON.convertValue(node, type);
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectRestException("Interrupted while waiting for Connect", e);
    }
  }
}
