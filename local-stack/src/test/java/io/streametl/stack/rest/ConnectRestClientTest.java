package io.streametl.stack.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streametl.stack.rest.FakeConnectRestServer.Response;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConnectRestClientTest {

  private static final String RUNNING = """
      {"name":"gen","connector":{"state":"RUNNING","worker_id":"127.0.0.1:18083"},
       "tasks":[{"id":0,"state":"RUNNING","worker_id":"127.0.0.1:18084"}],"type":"source"}""";

  private final FakeConnectRestServer server = new FakeConnectRestServer();
  private final ConnectRestClient client = new ConnectRestClient(server.url(), Duration.ofSeconds(5));

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void createOrUpdatePutsTheConfigAndTellsWhetherItWasCreated() {
    server.on("PUT /connectors/my%20gen/config", new Response(201, "{}"));

    boolean created = client.createOrUpdate("my gen", Map.of("connector.class", "Gen"));

    assertThat(created).isTrue();
    assertThat(server.requests()).singleElement().satisfies(request ->
        assertThat(request.body()).isEqualTo("{\"connector.class\":\"Gen\"}"));
  }

  @Test
  void aConflictingNameInTheConfigIsRejectedBeforeSending() {
    assertThatThrownBy(() -> client.createOrUpdate("a", Map.of("name", "b")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void statusReadsConnectorAndTaskStatesAndWorkers() {
    server.on("GET /connectors/gen/status", new Response(200, RUNNING));

    ConnectorStatus status = client.status("gen");

    assertThat(status.type()).isEqualTo("source");
    assertThat(status.isRunning(1)).isTrue();
    assertThat(status.isRunning(2)).isFalse();
    assertThat(status.workerIds()).containsExactly("127.0.0.1:18083", "127.0.0.1:18084");
    assertThat(status.summary()).isEqualTo("RUNNING, tasks 1/1 RUNNING");
  }

  @Test
  void awaitRunningWaitsThroughUnknownAndUnassignedStates() {
    server.on("GET /connectors/gen/status",
        new Response(404, "{\"error_code\":404,\"message\":\"No status found for connector gen\"}"),
        new Response(200, """
            {"name":"gen","connector":{"state":"UNASSIGNED","worker_id":"w"},"tasks":[],
             "type":"source"}"""),
        new Response(200, RUNNING));

    assertThat(client.awaitRunning("gen", 1, Duration.ofSeconds(30)).isRunning(1)).isTrue();
  }

  @Test
  void awaitRunningFailsAtOnceWithTheTraceOfAFailedTask() {
    server.on("GET /connectors/gen/status", new Response(200, """
        {"name":"gen","connector":{"state":"RUNNING","worker_id":"w0"},
         "tasks":[{"id":0,"state":"FAILED","worker_id":"w1",
                   "trace":"org.apache.kafka.connect.errors.ConnectException: boom\\n\\tat X"}],
         "type":"sink"}"""));

    assertThatThrownBy(() -> client.awaitRunning("gen", 1, Duration.ofMinutes(5)))
        .isInstanceOf(ConnectorFailedException.class)
        .hasMessageContaining("Task 0 of connector gen FAILED on worker w1")
        .hasMessageContaining("ConnectException: boom");
  }

  @Test
  void awaitRunningTimesOutWithTheLastStatus() {
    server.on("GET /connectors/gen/status", new Response(200, """
        {"name":"gen","connector":{"state":"RUNNING","worker_id":"w"},"tasks":[],
         "type":"source"}"""));

    assertThatThrownBy(() -> client.awaitRunning("gen", 1, Duration.ofSeconds(1)))
        .isInstanceOf(ConnectRestException.class)
        .hasMessageContaining("last status: RUNNING, tasks 0/0 RUNNING");
  }

  @Test
  void validateReturnsTheErrorCountAndTheMessagesPerField() {
    server.on("PUT /connector-plugins/org.example.Sink%24Value/config/validate",
        new Response(200, """
            {"name":"org.example.Sink$Value","error_count":1,"groups":["Common"],
             "configs":[
               {"definition":{"name":"topics"},"value":{"name":"topics","value":"a","errors":[]}},
               {"definition":{"name":"batch.size"},
                "value":{"name":"batch.size","value":"0","errors":["Value must be at least 1"]}}
             ]}"""));

    ValidationResult result = client.validate("org.example.Sink$Value", Map.of("batch.size", "0"));

    assertThat(result.errorCount()).isEqualTo(1);
    assertThat(result.errors()).containsOnly(
        Map.entry("batch.size", java.util.List.of("Value must be at least 1")));
    assertThat(result.describeErrors()).isEqualTo("batch.size: Value must be at least 1");
    assertThat(server.requests().get(0).body()).contains("\"connector.class\":\"org.example.Sink$Value\"");
  }

  @Test
  void offsetsAcceptASourcePartitionWithoutOffset() {
    server.on("GET /connectors/gen/offsets", new Response(200, """
        {"offsets":[{"partition":{"stream":0},"offset":{"position":42,"start_ms":1}},
                    {"partition":{"stream":1},"offset":null}]}"""));

    assertThat(client.offsets("gen"))
        .extracting(ConnectorOffset::offset)
        .containsExactly(Map.of("position", 42, "start_ms", 1), Map.of());
  }

  @Test
  void connectorPluginsListsEveryKind() {
    server.on("GET /connector-plugins?connectorsOnly=false", new Response(200, """
        [{"class":"org.apache.kafka.connect.transforms.Filter","type":"transformation",
          "version":"4.3.1"}]"""));

    assertThat(client.connectorPlugins()).containsExactly(new ConnectorPlugin(
        "org.apache.kafka.connect.transforms.Filter", "transformation", "4.3.1"));
  }

  @Test
  void aRebalanceInProgressIsRetried() {
    server.on("GET /connectors",
        new Response(409, "{\"error_code\":409,\"message\":\"Cannot complete request because of"
            + " a conflicting operation (e.g. worker rebalance)\"}"),
        new Response(200, "[\"gen\"]"));

    assertThat(client.connectors()).containsExactly("gen");
  }

  @Test
  void otherErrorsCarryConnectsMessageAndStatus() {
    server.on("DELETE /connectors/gen", new Response(500,
        "{\"error_code\":500,\"message\":\"Request timed out\"}"));

    assertThatThrownBy(() -> client.delete("gen"))
        .isInstanceOfSatisfying(ConnectRestException.class,
            e -> assertThat(e.status()).isEqualTo(500))
        .hasMessageEndingWith("answered 500: Request timed out");
  }

  @Test
  void deletingAnUnknownConnectorIsNotAnError() {
    server.on("DELETE /connectors/gen", new Response(404,
        "{\"error_code\":404,\"message\":\"Connector gen not found\"}"));

    assertThat(client.delete("gen")).isFalse();
  }

  @Test
  void aWorkerThatIsNotThereIsSaidPlainly() {
    server.close();

    assertThatThrownBy(client::connectors)
        .isInstanceOf(ConnectRestException.class)
        .hasMessageContaining("No Connect worker answers at " + server.url());
    assertThat(client.isHealthy()).isFalse();
  }
}
