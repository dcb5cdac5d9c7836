package io.streametl.e2e.compose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The plugin classes the bundle ships, read from the sources rather than the built zip (this
 * check runs before packaging): the ServiceLoader manifests of the plugin modules, plus the stock
 * Apache Iceberg sink when packaging/pom.xml still bundles iceberg-kafka-connect.
 */
final class BundlePluginClasses {

  static final String ICEBERG_SINK = "org.apache.iceberg.connect.IcebergSinkConnector";

  private BundlePluginClasses() {}

  static Set<String> of(Path repoRoot) {
    Set<String> classes = new TreeSet<>();
    for (String module : MetricCatalog.PLUGIN_MODULES) {
      Path services = repoRoot.resolve(module).resolve("src/main/resources/META-INF/services");
      if (!Files.isDirectory(services)) {
        continue;
      }
      try (Stream<Path> files = Files.list(services)) {
        files.filter(f -> f.getFileName().toString().startsWith("org.apache.kafka.connect."))
            .forEach(f -> ComposeProject.read(f).lines().map(l -> l.replaceAll("#.*", "").trim())
                .filter(l -> !l.isEmpty()).forEach(classes::add));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (ComposeProject.read(repoRoot.resolve("packaging/pom.xml"))
        .contains("<artifactId>iceberg-kafka-connect</artifactId>")) {
      classes.add(ICEBERG_SINK);
    }
    return classes;
  }
}
