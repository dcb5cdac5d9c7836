package io.streametl.e2e.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml of the repository, read as Compose reads it: YAML anchors resolved (SnakeYAML;
 * the worker services share their environment through one) and {@code ${VAR:-default}} replaced
 * by its default, as it is when the user sets nothing.
 */
final class ComposeProject {

  static final String FILE = "docker-compose.yml";

  private final Path root;
  private final JsonNode compose;

  private ComposeProject(Path root, JsonNode compose) {
    this.root = root;
    this.compose = compose;
  }

  /** The repository holding docker-compose.yml, found upwards from the working directory. */
  static ComposeProject load() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isRegularFile(dir.resolve(FILE))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("No " + FILE + " above " + Path.of("").toAbsolutePath());
    }
    return of(dir);
  }

  /** The compose file in {@code root}. */
  static ComposeProject of(Path root) {
    return new ComposeProject(root, parse(read(root.resolve(FILE))));
  }

  static JsonNode parse(String yaml) {
    Object tree = new Yaml().load(ComposeVariables.withDefaults(yaml));
    return new ObjectMapper().valueToTree(tree);
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path root() {
    return root;
  }

  String text() {
    return read(root.resolve(FILE));
  }

  Map<String, JsonNode> services() {
    Map<String, JsonNode> services = new LinkedHashMap<>();
    compose.path("services").fields().forEachRemaining(e -> services.put(e.getKey(), e.getValue()));
    return services;
  }

  List<String> namedVolumes() {
    List<String> names = new ArrayList<>();
    compose.path("volumes").fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** The service's build context as a path in the repository, if it is built. */
  Optional<Path> buildContext(JsonNode service) {
    JsonNode build = service.path("build");
    if (build.isMissingNode()) {
      return Optional.empty();
    }
    String context = build.isTextual() ? build.asText() : build.path("context").asText(".");
    return Optional.of(root.resolve(context).normalize());
  }

  /** Environment entries, from either the map or the KEY=VALUE list form. */
  static Map<String, String> environment(JsonNode service) {
    Map<String, String> env = new LinkedHashMap<>();
    JsonNode node = service.path("environment");
    if (node.isObject()) {
      node.fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
    } else {
      for (JsonNode entry : node) {
        String text = entry.asText();
        int eq = text.indexOf('=');
        env.put(eq < 0 ? text : text.substring(0, eq), eq < 0 ? "" : text.substring(eq + 1));
      }
    }
    return env;
  }

  /** The names under depends_on, from either the list or the map form. */
  static List<String> dependsOn(JsonNode service) {
    List<String> names = new ArrayList<>();
    JsonNode node = service.path("depends_on");
    if (node.isArray()) {
      node.forEach(n -> names.add(n.asText()));
    } else {
      node.fieldNames().forEachRemaining(names::add);
    }
    return names;
  }

  static List<String> texts(JsonNode arrayOrMissing) {
    List<String> texts = new ArrayList<>();
    for (Iterator<JsonNode> it = arrayOrMissing.elements(); it.hasNext(); ) {
      texts.add(it.next().asText());
    }
    return texts;
  }
}
