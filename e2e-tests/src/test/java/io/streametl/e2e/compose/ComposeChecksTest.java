package io.streametl.e2e.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each consistency check fails on a stack broken in its way, naming the file and the reference. */
class ComposeChecksTest {

  @TempDir
  Path root;

  @BeforeEach
  void brokenStack() throws IOException {
    Files.writeString(root.resolve("docker-compose.yml"), """
        services:
          api:
            image: example/api
            build: ./missing-context
            ports: ["8080:80"]
            environment:
              TOKEN: ${API_TOKEN}
            depends_on: [db, cache]
            volumes:
              - ./not-there:/data
              - undeclared:/cache
          db:
            image: postgres:17.5
            ports: ["8080:5432"]
        """);
    Path configs = Files.createDirectories(root.resolve("compose/connect-configs"));
    Files.writeString(configs.resolve("sink.json"), """
        {"name": "s", "config": {"connector.class": "com.example.Unknown",
         "transforms.t.type": "org.apache.kafka.connect.transforms.HoistField$Value",
         "uri": "http://db:5433", "other": "http://nowhere:80", "token": "${env:TOKEN}"}}
        """);
    Path dashboards = Files.createDirectories(root.resolve("compose/grafana/dashboards"));
    Files.writeString(dashboards.resolve("d.json"), """
        {"panels": [{"targets": [{"expr": "rate(streametl_rows_writen_total[1m])"}]},
                    {"targets": [{"expr": "up"}]}]}
        """);
  }

  @Test
  void eachCheckNamesWhatIsBroken() {
    ComposeProject project = ComposeProject.of(root);

    assertThat(ComposeChecks.bindMounts(project)).anyMatch(p -> p.contains("./not-there"))
        .anyMatch(p -> p.contains("volume undeclared"));
    assertThat(ComposeChecks.buildContexts(project)).singleElement().asString()
        .contains("missing-context");
    assertThat(ComposeChecks.hostPorts(project)).singleElement().asString()
        .contains("8080", "api", "db");
    assertThat(ComposeChecks.dependencies(project)).singleElement().asString().contains("cache");
    assertThat(ComposeChecks.variables(project)).singleElement().asString()
        .contains("${API_TOKEN}");
    assertThat(ComposeChecks.references(project))
        .anyMatch(p -> p.contains("db:5433") && p.contains("sink.json") && p.contains("5432"))
        .anyMatch(p -> p.contains("nowhere:80") && p.contains("not a compose service"));
    assertThat(ComposeChecks.connectorPlugins(project, Set.of("com.example.Known")))
        .singleElement().asString().contains("sink.json", "com.example.Unknown");
    assertThat(ComposeChecks.dashboardMetrics(project, Set.of("streametl_rows_written_total")))
        .anyMatch(p -> p.contains("streametl_rows_writen_total") && p.contains("d.json"))
        .anyMatch(p -> p.contains("expr up"));
  }

  @Test
  void anUnpinnedImageAndAMissingWorkerVariableAreReported() throws IOException {
    Files.writeString(root.resolve("docker-compose.yml"), """
        services:
          connect-1:
            image: apache/kafka
            environment:
              OTHER: x
          cache:
            image: redis:latest
        """);
    ComposeProject project = ComposeProject.of(root);

    assertThat(ComposeChecks.pinnedImages(project)).hasSize(2)
        .anyMatch(p -> p.contains("apache/kafka")).anyMatch(p -> p.contains("redis:latest"));
    assertThat(ComposeChecks.workerEnvironment(project)).singleElement().asString()
        .contains("${env:TOKEN}", "connect-1", "sink.json");
  }
}
