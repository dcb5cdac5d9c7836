package io.streametl.e2e.compose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.common.MetricNameTemplate;
import org.apache.kafka.connect.runtime.ConnectMetricsRegistry;

/**
 * The Prometheus names the compose workers export, derived from what registers them, under the
 * naming of compose/connect/jmx-exporter.yml:
 * <ul>
 *   <li>our plugins' metrics, {@code streametl_<name>}: the metric names in the
 *       {@code *Metrics.java} sources of the plugin modules (every dash-separated lower-case
 *       string literal there, which is a superset of what they register);</li>
 *   <li>Connect's, {@code kafka_connect_<group without -metrics>_<name>}: every template of
 *       Connect's own {@link ConnectMetricsRegistry}.</li>
 * </ul>
 */
final class MetricCatalog {

  static final String PLUGIN_PREFIX = "streametl_";
  static final String CONNECT_PREFIX = "kafka_connect_";
  static final Set<String> PLUGIN_MODULES = Set.of("source-connectors", "smt", "sink-connectors");

  private static final Pattern METRIC_LITERAL = Pattern.compile("\"([a-z]+(?:-[a-z]+)+)\"");

  private MetricCatalog() {}

  static Set<String> prometheusNames(Path repoRoot) {
    Set<String> names = new TreeSet<>();
    pluginMetricNames(repoRoot).forEach(n -> names.add(PLUGIN_PREFIX + underscored(n)));
    for (MetricNameTemplate template : new ConnectMetricsRegistry().getAllTemplates()) {
      String group = template.group().replaceFirst("-metrics$", "");
      names.add(CONNECT_PREFIX + underscored(group) + "_" + underscored(template.name()));
    }
    return names;
  }

  static Set<String> pluginMetricNames(Path repoRoot) {
    Set<String> names = new TreeSet<>();
    for (String module : PLUGIN_MODULES) {
      Path sources = repoRoot.resolve(module).resolve("src/main/java");
      if (!Files.isDirectory(sources)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(sources)) {
        files.filter(f -> f.getFileName().toString().endsWith("Metrics.java")).forEach(f -> {
          Matcher m = METRIC_LITERAL.matcher(ComposeProject.read(f));
          while (m.find()) {
            names.add(m.group(1));
          }
        });
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return names;
  }

  static String underscored(String name) {
    return name.replace('-', '_').toLowerCase(Locale.ROOT);
  }
}
