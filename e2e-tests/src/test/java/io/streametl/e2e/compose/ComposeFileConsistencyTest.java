package io.streametl.e2e.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml and the files under compose/ agree with each other and with the code, without
 * Docker: mounts, build contexts, ports, dependencies, variables, images, the addresses the
 * configs use, the plugins the connector configs name and the metrics the dashboard queries.
 */
class ComposeFileConsistencyTest {

  private final ComposeProject project = ComposeProject.load();

  @Test
  void everyBindMountExistsOrIsADocumentedBuildOutput() {
    assertThat(ComposeChecks.bindMounts(project)).isEmpty();
  }

  @Test
  void everyBuildContextHasItsDockerfileAndCopySources() {
    assertThat(ComposeChecks.buildContexts(project)).isEmpty();
  }

  @Test
  void noTwoServicesPublishTheSameHostPort() {
    assertThat(ComposeChecks.hostPorts(project)).isEmpty();
  }

  @Test
  void everyDependencyIsAService() {
    assertThat(ComposeChecks.dependencies(project)).isEmpty();
  }

  @Test
  void everyVariableHasADefaultOrACommittedValue() {
    assertThat(ComposeChecks.variables(project)).isEmpty();
  }

  @Test
  void everyImageIsPinned() {
    assertThat(ComposeChecks.pinnedImages(project)).isEmpty();
  }

  @Test
  void everyAddressNamesAServiceAndAPortItListensOn() {
    assertThat(ComposeChecks.references(project)).isEmpty();
  }

  @Test
  void everyConnectorConfigUsesPluginsTheBundleShips() {
    Set<String> shipped = BundlePluginClasses.of(project.root());
    assertThat(shipped).as("plugins read from the ServiceLoader manifests")
        .contains("io.streametl.sink.DedupAggregateSinkConnector");

    assertThat(ComposeChecks.connectorPlugins(project, shipped)).isEmpty();
  }

  @Test
  void everyConfigProviderVariableIsSetOnEveryWorker() {
    assertThat(ComposeChecks.workerEnvironment(project)).isEmpty();
  }

  @Test
  void theDashboardQueriesOnlyMetricsThatAreRegistered() {
    Set<String> exported = MetricCatalog.prometheusNames(project.root());
    assertThat(exported).as("names derived from the sources and Connect's registry")
        .contains("streametl_rows_written_total", "streametl_messages_received_total",
            "kafka_connect_sink_task_sink_record_read_total");

    assertThat(ComposeChecks.dashboardMetrics(project, exported)).isEmpty();
  }

  @Test
  void theExporterRulesNameMetricsAsTheCatalogAssumes() {
    // MetricCatalog maps JMX names to Prometheus names by these two prefixes; a rule with any
    // other name would export metrics the dashboard check cannot see.
    var rules = ComposeProject.parse(ComposeProject.read(
        project.root().resolve("compose/connect/jmx-exporter.yml"))).path("rules");
    assertThat(rules).isNotEmpty();
    rules.forEach(rule -> assertThat(rule.path("name").asText())
        .as("compose/connect/jmx-exporter.yml rule %s", rule.path("pattern").asText())
        .matches("(streametl_|kafka_connect_\\$1_)\\$\\d"));
  }
}
