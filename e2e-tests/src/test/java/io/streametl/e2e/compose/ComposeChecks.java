package io.streametl.e2e.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The consistency checks of the compose stack, each returning its problems as messages that name
 * the file and the reference at fault (empty: consistent). Kept apart from the test so that a test
 * can run them on a deliberately broken stack and see each one fail.
 */
final class ComposeChecks {

  /** Build outputs the stack mounts; docs/docker-compose.md must say ./mvnw package makes them. */
  static final Set<String> BUILD_OUTPUTS = Set.of("./packaging/target", "./local-stack/target");
  static final String GUIDE = "docs/docker-compose.md";
  static final Path CONNECT_CONFIGS = Path.of("compose/connect-configs");
  /** Files whose host:port references must name a compose service and a port it listens on. */
  static final List<Path> REFERENCING_FILES = List.of(Path.of("compose/prometheus/prometheus.yml"),
      Path.of("compose/trino/catalog"), Path.of("compose/grafana/provisioning/datasources"),
      Path.of("compose/superset/dashboard/databases"), Path.of("compose/connect/worker.properties"),
      CONNECT_CONFIGS);

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern ENV_PROVIDER = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)}");
  private static final Pattern DASHBOARD_METRIC = Pattern.compile(
      "\\b(?:" + MetricCatalog.PLUGIN_PREFIX + "|" + MetricCatalog.CONNECT_PREFIX + ")[a-z0-9_]+");

  private ComposeChecks() {}

  static List<String> bindMounts(ComposeProject project) {
    List<String> problems = new ArrayList<>();
    String guide = Files.isRegularFile(project.root().resolve(GUIDE))
        ? ComposeProject.read(project.root().resolve(GUIDE)) : "";
    project.services().forEach((name, service) -> {
      for (String source : ServicePorts.bindSources(service)) {
        String normalized = source.replaceAll("/$", "");
        if (BUILD_OUTPUTS.contains(normalized)) {
          if (!guide.contains(normalized.substring(2))) {
            problems.add(ComposeProject.FILE + ": service " + name + " mounts the build output "
                + source + ", which " + GUIDE + " does not mention");
          }
        } else if (!Files.exists(ServicePorts.resolve(project.root(), source))) {
          problems.add(ComposeProject.FILE + ": service " + name + " mounts " + source
              + ", which does not exist in the repository");
        }
      }
      for (String volume : ServicePorts.namedVolumes(service)) {
        if (!project.namedVolumes().contains(volume)) {
          problems.add(ComposeProject.FILE + ": service " + name + " mounts volume " + volume
              + ", which the top-level volumes do not declare");
        }
      }
    });
    return problems;
  }

  static List<String> buildContexts(ComposeProject project) {
    List<String> problems = new ArrayList<>();
    project.services().forEach((name, service) -> project.buildContext(service).ifPresent(context -> {
      Path dockerfile = context.resolve("Dockerfile");
      if (!Files.isRegularFile(dockerfile)) {
        problems.add(ComposeProject.FILE + ": service " + name + " builds " + context
            + ", which has no Dockerfile");
        return;
      }
      for (String source : Dockerfile.read(dockerfile).copySources()) {
        if (!Files.exists(context.resolve(source))) {
          problems.add(project.root().relativize(dockerfile) + ": COPY " + source
              + " is not in the build context " + project.root().relativize(context));
        }
      }
    }));
    return problems;
  }

  static List<String> hostPorts(ComposeProject project) {
    List<String> problems = new ArrayList<>();
    Map<Integer, String> owners = new HashMap<>();
    project.services().forEach((name, service) -> {
      for (ServicePorts.Published port : ServicePorts.published(service)) {
        port.hostPort().ifPresent(host -> {
          String other = owners.putIfAbsent(host, name);
          if (other != null) {
            problems.add(ComposeProject.FILE + ": host port " + host + " is published by both "
                + other + " and " + name);
          }
        });
      }
    });
    return problems;
  }

  static List<String> dependencies(ComposeProject project) {
    List<String> problems = new ArrayList<>();
    project.services().forEach((name, service) -> {
      for (String dependency : ComposeProject.dependsOn(service)) {
        if (!project.services().containsKey(dependency)) {
          problems.add(ComposeProject.FILE + ": service " + name + " depends on " + dependency
              + ", which is not a service");
        }
      }
    });
    return problems;
  }

  static List<String> variables(ComposeProject project) {
    Set<String> fromEnvFiles = new TreeSet<>();
    for (Path envFile : List.of(project.root().resolve(".env"), project.root().resolve("compose/.env"))) {
      if (Files.isRegularFile(envFile)) {
        ComposeProject.read(envFile).lines().map(String::trim)
            .filter(l -> !l.startsWith("#") && l.contains("="))
            .forEach(l -> fromEnvFiles.add(l.substring(0, l.indexOf('=')).trim()));
      }
    }
    List<String> problems = new ArrayList<>();
    for (ComposeVariables.Reference ref : ComposeVariables.references(project.text())) {
      if (!ref.hasDefault() && !fromEnvFiles.contains(ref.name())) {
        problems.add(ComposeProject.FILE + ": " + ref.text() + " has no default and is in no"
            + " committed .env or compose/.env");
      }
    }
    return problems;
  }

  static List<String> pinnedImages(ComposeProject project) {
    List<String> problems = new ArrayList<>();
    project.services().forEach((name, service) -> {
      List<String> images = new ArrayList<>();
      Path dockerfile = project.buildContext(service).map(c -> c.resolve("Dockerfile")).orElse(null);
      if (dockerfile != null && Files.isRegularFile(dockerfile)) {
        images.addAll(Dockerfile.read(dockerfile).baseImages());
      } else if (service.hasNonNull("image")) {
        images.add(service.get("image").asText());
      }
      for (String image : images) {
        String lastPart = image.substring(image.lastIndexOf('/') + 1);
        boolean tagged = lastPart.contains(":") || image.contains("@sha256:");
        if (!tagged || image.endsWith(":latest") || image.contains("${")) {
          problems.add((dockerfile != null ? project.root().relativize(dockerfile).toString()
              : ComposeProject.FILE) + ": service " + name + " uses image " + image
              + ", which is not pinned to a version");
        }
      }
    });
    return problems;
  }

  /**
   * Every host:port in the stack's files, and in the services' environment and commands, names a
   * service and a port that service listens on.
   */
  static List<String> references(ComposeProject project) {
    List<HostPortReferences.Reference> references = new ArrayList<>();
    for (Path relative : REFERENCING_FILES) {
      for (Path file : files(project.root().resolve(relative))) {
        references.addAll(HostPortReferences.in(ComposeProject.read(file),
            project.root().relativize(file).toString()));
      }
    }
    project.services().forEach((name, service) -> {
      String where = ComposeProject.FILE + ", service " + name;
      ComposeProject.environment(service).forEach((key, value) ->
          references.addAll(HostPortReferences.in(value, where + " environment " + key)));
      references.addAll(HostPortReferences.in(service.path("command").toString(), where + " command"));
    });
    List<String> problems = new ArrayList<>();
    Map<String, JsonNode> services = project.services();
    for (HostPortReferences.Reference ref : references) {
      JsonNode target = services.get(ref.host());
      if (target == null) {
        problems.add(ref + ": " + ref.host() + " is not a compose service");
      } else if (!ServicePorts.listening(project, target).contains(ref.port())) {
        problems.add(ref + ": " + ref.host() + " listens on "
            + ServicePorts.listening(project, target) + ", not on " + ref.port());
      }
    }
    return problems;
  }

  /** connector.class, transforms and predicates of every compose connector config ship in the bundle. */
  static List<String> connectorPlugins(ComposeProject project, Set<String> shipped) {
    List<String> problems = new ArrayList<>();
    forEachConnectorConfig(project, (file, config) -> config.fields().forEachRemaining(e -> {
      String key = e.getKey();
      boolean plugin = key.equals("connector.class")
          || key.matches("(transforms|predicates)\\.[^.]+\\.type");
      String className = e.getValue().asText();
      // Kafka's own transforms and predicates are on every worker.
      boolean builtIn = className.startsWith("org.apache.kafka.connect.");
      if (plugin && !builtIn && !shipped.contains(className)) {
        problems.add(file + ": " + key + " = " + className + " is not a plugin the bundle ships");
      }
    }));
    return problems;
  }

  /** Every ${env:NAME} of a compose connector config is set on every Connect worker. */
  static List<String> workerEnvironment(ComposeProject project) {
    Map<String, Map<String, String>> workers = new HashMap<>();
    project.services().forEach((name, service) -> {
      if (name.startsWith("connect-")) {
        workers.put(name, ComposeProject.environment(service));
      }
    });
    List<String> problems = new ArrayList<>();
    if (workers.isEmpty()) {
      problems.add(ComposeProject.FILE + ": no connect-* worker services");
    }
    forEachConnectorConfig(project, (file, config) -> {
      Matcher m = ENV_PROVIDER.matcher(config.toString());
      while (m.find()) {
        for (Map.Entry<String, Map<String, String>> worker : workers.entrySet()) {
          if (!worker.getValue().containsKey(m.group(1))) {
            problems.add(file + ": ${env:" + m.group(1) + "} is not in the environment of "
                + worker.getKey() + " in " + ComposeProject.FILE);
          }
        }
      }
    });
    return problems;
  }

  /** The Grafana dashboards' metric names are exported names of registered metrics. */
  static List<String> dashboardMetrics(ComposeProject project, Set<String> exported) {
    List<String> problems = new ArrayList<>();
    for (Path file : files(project.root().resolve("compose/grafana/dashboards"))) {
      String name = project.root().relativize(file).toString();
      List<String> expressions = new ArrayList<>();
      collectExpressions(readJson(file), expressions);
      if (expressions.isEmpty()) {
        problems.add(name + ": no panel queries a metric");
      }
      for (String expr : expressions) {
        Matcher m = DASHBOARD_METRIC.matcher(expr);
        boolean any = false;
        while (m.find()) {
          any = true;
          if (!exported.contains(m.group())) {
            problems.add(name + ": metric " + m.group() + " is registered by neither Connect nor"
                + " our plugins (expr: " + expr + ")");
          }
        }
        if (!any) {
          problems.add(name + ": expr " + expr + " queries no streametl_ or kafka_connect_ metric");
        }
      }
    }
    return problems;
  }

  private static void collectExpressions(JsonNode node, List<String> out) {
    if (node.isObject()) {
      if (node.hasNonNull("expr")) {
        out.add(node.get("expr").asText());
      }
      node.elements().forEachRemaining(child -> collectExpressions(child, out));
    } else if (node.isArray()) {
      node.forEach(child -> collectExpressions(child, out));
    }
  }

  private static void forEachConnectorConfig(ComposeProject project,
      java.util.function.BiConsumer<String, JsonNode> action) {
    for (Path file : files(project.root().resolve(CONNECT_CONFIGS))) {
      action.accept(project.root().relativize(file).toString(), readJson(file).path("config"));
    }
  }

  static JsonNode readJson(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot parse " + file, e);
    }
  }

  /** A file, or the regular files under a folder, in a stable order; none if it is missing. */
  static List<Path> files(Path fileOrFolder) {
    if (Files.isRegularFile(fileOrFolder)) {
      return List.of(fileOrFolder);
    }
    if (!Files.isDirectory(fileOrFolder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(fileOrFolder)) {
      return files.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
