package io.streametl.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What ships: the Confluent Hub component zip, read as a user's tooling would read it. */
class BundleContentsIT {

  private static ZipFile zip;
  private static String root;

  @BeforeAll
  static void openZip() throws IOException {
    Path path = Path.of(System.getProperty("streametl.bundle.zip"));
    zip = new ZipFile(path.toFile());
    root = zip.stream().map(ZipEntry::getName).filter(n -> n.endsWith("/manifest.json"))
        .findFirst().orElseThrow().replace("manifest.json", "");
  }

  private static List<String> entries(String folder) {
    return zip.stream().map(ZipEntry::getName)
        .filter(n -> n.startsWith(root + folder) && !n.endsWith("/"))
        .map(n -> n.substring((root + folder).length()))
        .toList();
  }

  @Test
  void manifestHasEveryFieldConfluentHubNeeds() throws IOException {
    JsonNode manifest = new ObjectMapper().readTree(zip.getInputStream(zip.getEntry(root + "manifest.json")));

    for (String field : List.of("name", "version", "title", "description", "owner", "tags", "license",
        "features", "component_types", "documentation_url", "release_date")) {
      assertThat(manifest.has(field)).as("manifest field %s", field).isTrue();
    }
    assertThat(manifest.get("version").asText()).doesNotContain("${");
    assertThat(manifest.get("owner").get("username").asText()).isNotBlank();
    assertThat(manifest.get("component_types")).extracting(JsonNode::asText)
        .contains("source", "sink", "transform", "converter");
    assertThat(root).isEqualTo(manifest.get("owner").get("username").asText() + "-"
        + manifest.get("name").asText() + "-" + manifest.get("version").asText() + "/");
  }

  @Test
  void libHoldsNoKafkaJars() {
    List<String> lib = entries("lib/");

    assertThat(lib).isNotEmpty().allMatch(n -> n.endsWith(".jar"));
    assertThat(lib).noneMatch(n -> n.matches("(kafka-clients|kafka_2\\.1\\d|connect-(api|runtime|json|transforms)"
        + "|kafka-server-common)-.*\\.jar"));
  }

  @Test
  void etcHoldsEveryConnectConfigAndDocHoldsTheReadmeAndLicense() throws IOException {
    Set<String> configs = new TreeSet<>();
    try (Stream<Path> files = Files.list(Path.of(System.getProperty("streametl.connect.configs")))) {
      files.filter(p -> p.toString().endsWith(".json")).forEach(p -> configs.add(p.getFileName().toString()));
    }

    assertThat(new TreeSet<>(entries("etc/"))).containsAll(configs);
    assertThat(entries("doc/")).contains("README.md", "LICENSE");
  }

  @Test
  void everyPluginIsListedForServiceLoaderDiscovery() throws IOException {
    Set<String> listed = new TreeSet<>();
    for (String jar : entries("lib/")) {
      if (!jar.startsWith("streametl-")) {
        continue;
      }
      try (ZipInputStream in = new ZipInputStream(zip.getInputStream(zip.getEntry(root + "lib/" + jar)))) {
        for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
          if (e.getName().startsWith("META-INF/services/org.apache.kafka.connect.")) {
            listed.addAll(lines(in));
          }
        }
      }
    }

    assertThat(listed).contains(
        "io.streametl.source.generator.EventGeneratorSourceConnector",
        "io.streametl.sink.DedupAggregateSinkConnector",
        "io.streametl.smt.validate.ValidateFields$Value",
        "io.streametl.smt.enrich.InsertMetadata$Value",
        "io.streametl.converter.StreamingJsonConverter");
  }

  private static List<String> lines(InputStream in) throws IOException {
    List<String> result = new ArrayList<>();
    for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
      String trimmed = line.replaceAll("#.*", "").trim();
      if (!trimmed.isEmpty()) {
        result.add(trimmed);
      }
    }
    return result;
  }
}
