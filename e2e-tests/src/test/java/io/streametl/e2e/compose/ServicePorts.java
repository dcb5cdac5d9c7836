package io.streametl.e2e.compose;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The ports of a compose service: those it listens on inside the compose network (the container
 * side of {@code ports}, {@code expose}, and its Dockerfile's EXPOSE when it is built), and those
 * it publishes on the host.
 */
final class ServicePorts {

  /** One {@code ports} entry: host port (empty when Docker picks one) and container port. */
  record Published(Optional<Integer> hostPort, int containerPort, String text) {}

  private ServicePorts() {}

  static Set<Integer> listening(ComposeProject project, JsonNode service) {
    Set<Integer> ports = new TreeSet<>();
    published(service).forEach(p -> ports.add(p.containerPort()));
    ComposeProject.texts(service.path("expose")).forEach(p -> ports.add(Integer.parseInt(p)));
    project.buildContext(service).map(c -> c.resolve("Dockerfile")).filter(Files::isRegularFile)
        .map(Dockerfile::read).ifPresent(d -> ports.addAll(d.exposedPorts()));
    return ports;
  }

  static List<Published> published(JsonNode service) {
    List<Published> ports = new ArrayList<>();
    for (JsonNode entry : service.path("ports")) {
      if (entry.isObject()) {
        ports.add(new Published(entry.has("published")
            ? Optional.of(entry.get("published").asInt()) : Optional.empty(),
            entry.path("target").asInt(), entry.toString()));
        continue;
      }
      // [ip:]host:container[/protocol] or container
      String[] parts = entry.asText().replaceAll("/.*", "").split(":");
      int container = Integer.parseInt(parts[parts.length - 1]);
      Optional<Integer> host = parts.length >= 2
          ? Optional.of(Integer.parseInt(parts[parts.length - 2])) : Optional.empty();
      ports.add(new Published(host, container, entry.asText()));
    }
    return ports;
  }

  /** Host paths of short-syntax bind mounts ({@code ./x:/y[:ro]}) and long-syntax binds. */
  static List<String> bindSources(JsonNode service) {
    List<String> sources = new ArrayList<>();
    for (JsonNode volume : service.path("volumes")) {
      if (volume.isObject()) {
        if ("bind".equals(volume.path("type").asText())) {
          sources.add(volume.path("source").asText());
        }
        continue;
      }
      String source = volume.asText().split(":")[0];
      if (source.startsWith(".") || source.startsWith("/") || source.startsWith("~")) {
        sources.add(source);
      }
    }
    return sources;
  }

  /** Names of named volumes a service mounts. */
  static List<String> namedVolumes(JsonNode service) {
    List<String> names = new ArrayList<>();
    for (JsonNode volume : service.path("volumes")) {
      if (volume.isObject()) {
        if ("volume".equals(volume.path("type").asText()) && volume.hasNonNull("source")) {
          names.add(volume.get("source").asText());
        }
        continue;
      }
      String[] parts = volume.asText().split(":");
      if (parts.length > 1 && !parts[0].startsWith(".") && !parts[0].startsWith("/")
          && !parts[0].startsWith("~")) {
        names.add(parts[0]);
      }
    }
    return names;
  }

  static Path resolve(Path root, String hostPath) {
    return root.resolve(hostPath).normalize();
  }
}
