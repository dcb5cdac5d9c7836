package io.streametl.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.streametl.stack.LocalStack;
import io.streametl.stack.rest.ConnectorConfigFile;
import io.streametl.stack.rest.ConnectorPlugin;
import io.streametl.stack.rest.ValidationResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The install test with plugin.discovery=hybrid_warn, the mode a worker upgraded from an older
 * Kafka often runs in (the shared cluster of the other tests runs service_load): a vanilla worker
 * with the zip unpacked on plugin.path lists every plugin of the bundle with the build version,
 * validates every connect-configs/ file with zero errors, and does not warn that any of our
 * plugins lacks a ServiceLoader manifest (which would hide it under service_load).
 */
class HybridDiscoveryInstallIT {

  private static LocalStack stack;

  @BeforeAll
  static void startHybridWorker() {
    E2eSettings settings = E2eSettings.fromSystemProperties();
    stack = settings.ownStack("hybrid")
        .mqttBroker(settings.mqttBrokerLibs())
        .pluginDiscovery("hybrid_warn")
        .workers(1)
        .build()
        .start();
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void everyPluginIsListedWithTheBuildVersion() {
    Set<String> declared = BundlePlugins.listed(Path.of(System.getProperty("streametl.bundle.zip")));
    Map<String, ConnectorPlugin> listed = BundlePlugins.ours(stack.rest().connectorPlugins());

    assertThat(declared).contains("io.streametl.source.mqtt.MqttSourceConnector",
        "io.streametl.source.http.HttpSourceConnector", "io.streametl.sink.DedupAggregateSinkConnector",
        "io.streametl.smt.predicate.FieldIn$Value");
    assertThat(listed.keySet()).containsExactlyInAnyOrderElementsOf(declared);
    listed.values().forEach(plugin -> assertThat(plugin.version()).as(plugin.className())
        .isEqualTo(System.getProperty("streametl.version")));
  }

  @Test
  void everyShippedConfigValidatesWithoutErrors() throws IOException {
    Path configs = Path.of(System.getProperty("streametl.connect.configs"));
    List<Path> files = ConnectConfigsValidateIT.jsonFiles(configs);
    assertThat(files).isNotEmpty();
    for (Path file : files) {
      ValidationResult result = stack.rest().validate(ConnectorConfigFile.load(file));
      assertThat(result.errorCount()).as("validation errors of %s:%n%s", file,
          result.describeErrors()).isZero();
    }
  }

  @Test
  void theWorkerFindsNoPluginOfOursWithoutAManifest() throws IOException {
    String log = Files.readString(stack.worker(0).logFile(), StandardCharsets.UTF_8);

    // Connect scans plugin.path both ways in hybrid_warn and says which plugins only reflection
    // found; with every manifest in place it says so instead.
    assertThat(log).contains("All plugins have ServiceLoader manifests")
        .doesNotContain("missing ServiceLoader manifests");
  }
}
