package io.streametl.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import io.streametl.stack.LocalStack;
import io.streametl.stack.demoapi.DemoApiServer;
import io.streametl.stack.devices.DeviceSimulator;
import io.streametl.stack.devices.SimulatorSettings;
import io.streametl.stack.rest.ConnectorConfigFile;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The compose stack's metrics path without Docker: a Connect worker runs the Prometheus JMX
 * exporter agent from Maven Central with the compose file's own rules
 * ({@code compose/connect/jmx-exporter.yml}), as the compose workers do, while the generator, the
 * sink, the MQTT source and the HTTP source run on it. Every metric the Grafana dashboard queries
 * must then be on the worker's {@code /metrics} page, with the values Connect and our plugins
 * report. The consistency test checks the names by convention; this checks the convention holds.
 */
class JmxExporterIT {

  private static final Duration COMPLETION = Duration.ofMinutes(4);
  private static final Pattern DASHBOARD_METRIC = Pattern.compile(
      "\\b((?:streametl|kafka_connect)_[a-z0-9_]*[a-z0-9])\\b");
  private static final Pattern SAMPLE = Pattern.compile(
      "^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*\\})? (\\S+)", Pattern.MULTILINE);

  private static Path repo;
  private static int exporterPort;
  private static LocalStack stack;
  private static DemoApiServer api;

  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void startAWorkerWithTheExporter() throws IOException {
    E2eSettings settings = E2eSettings.fromSystemProperties();
    repo = settings.connectConfigs().getParent();
    Path agent = Path.of(System.getProperty("streametl.jmx.exporter.jar"));
    assertThat(agent).as("copied by the e2e pom from Maven Central").isRegularFile();
    try (ServerSocket socket = new ServerSocket(0)) {
      exporterPort = socket.getLocalPort();
    }
    stack = settings.ownStack("jmx-exporter")
        .mqttBroker(settings.mqttBrokerLibs())
        .workers(1)
        .workerJvmOption("-javaagent:" + agent + "=" + exporterPort + ":"
            + repo.resolve("compose/connect/jmx-exporter.yml"))
        .build()
        .start();
  }

  @AfterAll
  static void stop() {
    if (api != null) {
      api.close();
    }
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void theComposeWorkersRunTheExporterVersionTestedHere() throws IOException {
    String dockerfile = Files.readString(repo.resolve("compose/connect/Dockerfile"));

    assertThat(dockerfile).contains("ARG JMX_EXPORTER_VERSION="
        + System.getProperty("streametl.jmx.exporter.version") + "\n");
  }

  @Test
  void everyMetricOfTheGrafanaDashboardIsExportedWithThePluginsValues() throws Exception {
    PipelineRun pipeline = new PipelineRun(stack, 2_000, 2_000, 0.05);
    PipelineRun.Expected expected = pipeline.expected();
    pipeline.start();
    startMqttSource();
    startHttpSource();
    Set<String> dashboard = dashboardMetrics();
    assertThat(dashboard).as("the dashboard queries metrics").hasSizeGreaterThan(10);

    await().atMost(COMPLETION).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
        assertThat(metricNames(scrape())).containsAll(dashboard));
    await().atMost(COMPLETION).pollInterval(Duration.ofSeconds(2)).until(() ->
        pipeline.tableEventIds().size() >= expected.validIds().size());

    String page = scrape();
    assertThat(sum(page, "streametl_rows_written_total", pipeline.sink.name()))
        .as("rows the sink wrote, from our plugin metrics through the exporter")
        .isEqualTo(expected.validIds().size());
    assertThat(sum(page, "streametl_duplicates_dropped_total", pipeline.sink.name())).isPositive();
    assertThat(sum(page, "kafka_connect_sink_task_sink_record_read_total",
        pipeline.sink.name())).as("Connect's own task metrics, through the same rules").isPositive();
    assertThat(page).containsPattern("streametl_requests_total\\{[^}]*endpoint=\"orders\"");
    pipeline.stop();
  }

  private void startMqttSource() throws Exception {
    MqttSourceStarter.start(stack, "jmx-mqtt", 1, "", Map.of("mqtt.client.id", "jmx-exporter-it"));
    String serverUri = stack.mqttBroker().orElseThrow().serverUri();
    URI broker = URI.create(serverUri);
    try (DeviceSimulator simulator = new DeviceSimulator(SimulatorSettings.of(broker.getHost(),
        broker.getPort(), 5).withQos(MqttQos.AT_LEAST_ONCE).withMalformedEvery(20))) {
      simulator.publish(100);
    }
  }

  private void startHttpSource() throws Exception {
    api = new DemoApiServer("jmx-token");
    api.add(50);
    Map<String, String> overrides = new HashMap<>();
    overrides.put("base.url", api.baseUrl());
    overrides.put("auth.bearer.token", "jmx-token");
    overrides.put("topic", "jmx.${endpoint}");
    overrides.put("bad.response.topic", "jmx.errors");
    overrides.put("poll.interval.ms", "1000");
    ConnectorConfigFile config = load("http-api-source.json").withName("jmx-http")
        .withOverrides(overrides);
    stack.rest().createOrUpdate(config.name(), config.config());
    stack.rest().awaitRunning(config.name(), Duration.ofMinutes(2));
  }

  private static ConnectorConfigFile load(String file) {
    return ConnectorConfigFile.load(repo.resolve("connect-configs").resolve(file));
  }

  private static Set<String> dashboardMetrics() throws IOException {
    String json = Files.readString(repo.resolve("compose/grafana/dashboards/streametl-connect.json"));
    Set<String> names = new TreeSet<>();
    Matcher m = DASHBOARD_METRIC.matcher(json);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  private String scrape() throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(
        URI.create("http://localhost:" + exporterPort + "/metrics")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  /** Metric names on the page, counters' {@code _total} as Prometheus queries name them. */
  private static Set<String> metricNames(String page) {
    Set<String> names = new TreeSet<>();
    Matcher m = SAMPLE.matcher(page);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  /** The sum of one metric's samples labelled with {@code connector}. */
  private static long sum(String page, String metric, String connector) {
    double total = 0;
    Matcher m = SAMPLE.matcher(page);
    while (m.find()) {
      if (m.group(1).equals(metric) && m.group(2) != null
          && m.group(2).contains("connector=\"" + connector + "\"")) {
        total += Double.parseDouble(m.group(3));
      }
    }
    return Math.round(total);
  }
}
