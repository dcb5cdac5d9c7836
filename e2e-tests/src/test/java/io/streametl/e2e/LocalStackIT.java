package io.streametl.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.streametl.stack.ConnectWorker;
import io.streametl.stack.LocalStack;
import io.streametl.stack.rest.ConnectRestClient;
import io.streametl.stack.rest.ConnectorFailedException;
import io.streametl.stack.rest.ConnectorOffset;
import io.streametl.stack.rest.ConnectorPlugin;
import io.streametl.stack.rest.ConnectorStatus;
import io.streametl.stack.rest.ValidationResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The local stack itself: the cluster is formed, the bundle is installed on every worker, and the
 * REST client reports what Connect reports (validation errors per field, task failures with their
 * trace, source offsets). Uses Kafka's own transforms and the test-only sequence connector, so it
 * does not depend on the bundle's connectors.
 */
@ExtendWith(LocalStackExtension.class)
class LocalStackIT {

  private static final String SEQUENCE_CONNECTOR =
      "io.streametl.e2e.testplugin.SequenceSourceConnector";

  private final LocalStack stack;
  private final E2eSettings settings;
  private final ConnectRestClient rest;

  LocalStackIT(LocalStack stack, E2eSettings settings) {
    this.stack = stack;
    this.settings = settings;
    this.rest = stack.rest();
  }

  /** Connectors of this class only (all named stack-it-*): the cluster is shared. */
  @AfterEach
  void deleteConnectors() {
    rest.connectors().stream().filter(name -> name.startsWith("stack-it-"))
        .forEach(rest::delete);
  }

  @Test
  void everyWorkerAnswersAndHasJoinedTheGroup() {
    assertThat(stack.workers()).hasSize(2);
    for (ConnectWorker worker : stack.workers()) {
      assertThat(worker.rest().isHealthy()).as("%s healthy", worker.name()).isTrue();
      assertThat(worker.rest().serverInfo()).containsEntry("version", "4.3.1");
    }
    stack.awaitWorkersJoined(Duration.ofSeconds(30));
    assertThat(stack.connectGroup().describe().members())
        .extracting(member -> member.clientId())
        .containsExactlyInAnyOrder("streametl-worker-0", "streametl-worker-1");
  }

  @Test
  void bundleIsUnpackedOnPluginPathAndTestPluginIsListedByEveryWorker() {
    // The zip's top folder is named like the zip (the Confluent Hub component layout).
    String zipName = settings.bundleZip().getFileName().toString();
    Path bundleDir = stack.layout().pluginsDir()
        .resolve(zipName.substring(0, zipName.length() - ".zip".length()));
    assertThat(bundleDir.resolve("manifest.json")).isRegularFile();
    assertThat(bundleDir.resolve("lib")).isNotEmptyDirectory();
    for (ConnectWorker worker : stack.workers()) {
      assertThat(worker.rest().connectorPlugins())
          .extracting(ConnectorPlugin::className)
          .contains(SEQUENCE_CONNECTOR,
              "org.apache.kafka.connect.transforms.Cast$Value",
              "org.apache.kafka.connect.transforms.predicates.TopicNameMatches");
    }
  }

  @Test
  void validateReportsErrorsPerFieldForABrokenTransformChain() {
    ValidationResult result = rest.validate(SEQUENCE_CONNECTOR, Map.of(
        "name", "validate-only",
        "topic", "validate-only",
        "transforms", "cast",
        "transforms.cast.type", "org.apache.kafka.connect.transforms.Cast$Value",
        "batch.size", "0"));

    assertThat(result.errorCount()).isPositive();
    assertThat(result.errors()).containsKeys("batch.size", "transforms.cast.spec");
  }

  @Test
  void validConfigWithAPredicatedTransformHasNoErrors() {
    ValidationResult result = rest.validate(SEQUENCE_CONNECTOR, Map.of(
        "name", "validate-only",
        "topic", "validate-only",
        "transforms", "cast",
        "transforms.cast.type", "org.apache.kafka.connect.transforms.Cast$Value",
        "transforms.cast.spec", "string",
        "transforms.cast.predicate", "onlyTests",
        "predicates", "onlyTests",
        "predicates.onlyTests.type",
        "org.apache.kafka.connect.transforms.predicates.TopicNameMatches",
        "predicates.onlyTests.pattern", "validate-.*"));

    assertThat(result.errorCount()).as(result.describeErrors()).isZero();
  }

  @Test
  void exactlyOnceSourceCommitsEveryRecordOnceAndReportsItsOffsets() {
    String topic = "stack-it-sequence";
    rest.createOrUpdate("stack-it-sequence", Map.of(
        "connector.class", SEQUENCE_CONNECTOR,
        "tasks.max", "2",
        "topic", topic,
        "max.records", "50",
        "exactly.once.support", "required"));

    ConnectorStatus status = rest.awaitRunning("stack-it-sequence", 2, Duration.ofMinutes(2));
    assertThat(status.type()).isEqualTo("source");

    await().atMost(Duration.ofMinutes(1)).untilAsserted(() ->
        assertThat(rest.offsets("stack-it-sequence"))
            .extracting(ConnectorOffset::offset)
            .containsExactlyInAnyOrder(Map.of("sequence", 50), Map.of("sequence", 50)));
    assertThat(CommittedRecords.readAll(stack.bootstrapServers(), topic)).hasSize(100);
  }

  @Test
  void awaitRunningFailsFastWithTheTraceOfAFailedTask() {
    rest.createOrUpdate("stack-it-failing", Map.of(
        "connector.class", SEQUENCE_CONNECTOR,
        "tasks.max", "1",
        "topic", "stack-it-failing",
        "fail.on.start", "true"));

    assertThatThrownBy(() -> rest.awaitRunning("stack-it-failing", 1, Duration.ofMinutes(2)))
        .isInstanceOf(ConnectorFailedException.class)
        .hasMessageContaining("Task 0 of connector stack-it-failing FAILED")
        .hasMessageContaining("Failing on purpose");
  }

  @Test
  void workersResolveTheDataDirThroughTheEnvConfigProvider() {
    // Connector configs name files under the data dir with ${env:STREAMETL_DATA_DIR}.
    rest.createOrUpdate("stack-it-env", Map.of(
        "connector.class", SEQUENCE_CONNECTOR,
        "tasks.max", "1",
        "topic", "stack-it-env",
        "max.records", "0",
        "touch.file", "${env:STREAMETL_DATA_DIR}/stack-it/env-provider-check"));

    rest.awaitRunning("stack-it-env", 1, Duration.ofMinutes(2));

    assertThat(stack.dataDir().resolve("stack-it").resolve("env-provider-check")).isRegularFile();
  }

  @Test
  void statusNamesTheWorkersRunningTheTasks() {
    rest.createOrUpdate("stack-it-spread", Map.of(
        "connector.class", SEQUENCE_CONNECTOR,
        "tasks.max", "2",
        "topic", "stack-it-spread",
        "max.records", "0"));

    ConnectorStatus status = rest.awaitRunning("stack-it-spread", 2, Duration.ofMinutes(2));

    List<String> workerIds = stack.workers().stream().map(ConnectWorker::workerId).toList();
    assertThat(status.workerIds()).isNotEmpty().isSubsetOf(workerIds);
  }
}
