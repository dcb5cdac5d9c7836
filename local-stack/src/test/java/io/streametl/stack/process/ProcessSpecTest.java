package io.streametl.stack.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessSpecTest {

  @Test
  void theWatchdogRunsInFrontOfTheRealMainWithKafkaLibsFirstOnTheClassPath() {
    ProcessSpec spec = new ProcessSpec("worker-0", "Connect worker 0", Path.of("/jdk/bin/java"),
        List.of("-Xmx1g"), List.of("/libs/*", "/data/config/watchdog.jar"),
        "org.apache.kafka.connect.cli.ConnectDistributed", List.of("/data/connect/worker-0.properties"),
        Map.of(), Path.of("/data/logs"), Path.of("/data/pids/worker-0.pid"));

    assertThat(spec.command()).containsExactly(
        "/jdk/bin/java", "-Xmx1g",
        "-cp", "/libs/*" + java.io.File.pathSeparator + "/data/config/watchdog.jar",
        "io.streametl.stack.process.ParentWatchdog",
        "org.apache.kafka.connect.cli.ConnectDistributed", "/data/connect/worker-0.properties");
    assertThat(spec.outputFile()).isEqualTo(Path.of("/data/logs/worker-0.out"));
  }

  @Test
  void addedJvmOptionsComeAfterTheStacksOwnAndBeforeTheClassPath() {
    ProcessSpec spec = new ProcessSpec("worker-0", "Connect worker 0", Path.of("/jdk/bin/java"),
        List.of("-Xmx1g"), List.of("/libs/*"), "Main", List.of(), Map.of(), Path.of("/logs"),
        Path.of("/pids/worker-0.pid"));

    ProcessSpec withAgent = spec.withJvmOptions(List.of("-javaagent:/a.jar=9404:/r.yml"));

    assertThat(withAgent.command()).containsSubsequence("-Xmx1g", "-javaagent:/a.jar=9404:/r.yml",
        "-cp");
    assertThat(withAgent.pidFile()).isEqualTo(spec.pidFile());
    assertThat(spec.jvmOptions()).containsExactly("-Xmx1g");
  }
}
