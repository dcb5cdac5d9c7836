package io.streametl.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.streametl.stack.ConnectWorker;
import io.streametl.stack.LocalStack;
import io.streametl.stack.rest.ConnectorPlugin;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The bundle as a worker sees it after installation from the zip with
 * plugin.discovery=service_load: every plugin listed by every worker, with the build version.
 */
@ExtendWith(LocalStackExtension.class)
class InstalledPluginsIT {

  private static java.util.Properties load(java.nio.file.Path path) {
    java.util.Properties props = new java.util.Properties();
    try (java.io.Reader in = java.nio.file.Files.newBufferedReader(path)) {
      props.load(in);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return props;
  }

  private static final Map<String, String> CORE_PLUGINS = Map.of(
      "io.streametl.source.generator.EventGeneratorSourceConnector", "source",
      "io.streametl.sink.DedupAggregateSinkConnector", "sink",
      "io.streametl.smt.validate.ValidateFields$Key", "transformation",
      "io.streametl.smt.validate.ValidateFields$Value", "transformation",
      "io.streametl.smt.enrich.InsertMetadata$Key", "transformation",
      "io.streametl.smt.enrich.InsertMetadata$Value", "transformation");

  @Test
  void everyWorkerListsEveryPluginOfTheBundleWithTheBuildVersion(LocalStack stack) {
    String buildVersion = System.getProperty("streametl.version");
    Set<String> declared = BundlePlugins.listed(Path.of(System.getProperty("streametl.bundle.zip")));
    assertThat(declared).containsAll(CORE_PLUGINS.keySet());

    for (ConnectWorker worker : stack.workers()) {
      Map<String, ConnectorPlugin> listed = BundlePlugins.ours(worker.rest().connectorPlugins());

      assertThat(listed.keySet()).as("plugins on %s", worker.name()).containsExactlyInAnyOrderElementsOf(declared);
      listed.values().forEach(plugin ->
          assertThat(plugin.version()).as(plugin.className()).isEqualTo(buildVersion));
      CORE_PLUGINS.forEach((className, type) ->
          assertThat(listed.get(className).type()).as(className).isEqualTo(type));
    }
  }

  @Test
  void theStreamingJsonConverterIsListedAsConverterAndHeaderConverter(LocalStack stack) {
    assertThat(stack.rest().connectorPlugins().stream()
        .filter(p -> p.className().equals("io.streametl.converter.StreamingJsonConverter"))
        .map(ConnectorPlugin::type))
        .containsExactlyInAnyOrder("converter", "header_converter");
  }

  @Test
  void theStockIcebergSinkShippedInTheBundleIsListed(LocalStack stack) {
    assertThat(stack.rest().connectorPlugins())
        .anyMatch(p -> p.className().equals("org.apache.iceberg.connect.IcebergSinkConnector") && p.type().equals("sink"));
  }

  @Test
  void theWorkersDiscoverPluginsThroughServiceLoaderManifestsOnly(LocalStack stack) {
    List<String> discovery = stack.workers().stream()
        .map(w -> stack.layout().connectDir().resolve(w.name() + ".properties"))
        .map(InstalledPluginsIT::load)
        .map(props -> props.getProperty("plugin.discovery"))
        .toList();

    assertThat(discovery).containsOnly("service_load");
  }
}
