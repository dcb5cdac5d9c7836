package io.streametl.stack.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real child JVMs behind {@link ParentWatchdog}: the stop order through stdin, and a SIGTERM or
 * SIGHUP that reached the whole process group and so must wait for the parent's order.
 */
class ParentWatchdogTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path temp;
  private JavaProcess child;

  @AfterEach
  void killChild() {
    if (child != null) {
      child.kill();
    }
  }

  @Test
  void theStopOrderEndsTheChildThroughItsShutdownHooks() throws IOException {
    child = start(60_000);

    child.stop(WAIT);

    assertThat(child.exitCode()).hasValue(0);
    assertThat(output()).contains(SleepingChild.HOOK_RAN);
  }

  @Test
  void theChildEndsWhenItsParentIsGone() throws IOException {
    child = start(600_000);

    child.closeLifeline();
    await().atMost(WAIT).until(() -> !child.isAlive());

    assertThat(child.exitCode()).hasValue(3);
    assertThat(output()).contains("parent process is gone").contains(SleepingChild.HOOK_RAN);
  }

  @Test
  void aSignalNeedNotWaitOnceTheParentIsGone() throws Exception {
    child = start(600_000);

    signal("TERM");
    await().atMost(WAIT).until(() -> output().contains("SIGTERM received; waiting"));
    child.closeLifeline();
    await().atMost(WAIT).until(() -> !child.isAlive());

    assertThat(child.exitCode()).hasValue(3);
  }

  @ParameterizedTest
  @ValueSource(strings = {"TERM", "HUP"})
  void aSignalWaitsForTheParentsStopOrder(String signal) throws Exception {
    child = start(600_000);

    signal(signal);
    await().atMost(WAIT).until(() -> output().contains("SIG" + signal + " received; waiting"));
    assertThat(child.isAlive()).as("alive after SIG%s, waiting for its parent", signal).isTrue();
    child.stop(WAIT);

    // Exit code 0 is the stop order's; the signal alone would have given 143.
    assertThat(child.exitCode()).hasValue(0);
    assertThat(output()).contains(SleepingChild.HOOK_RAN);
  }

  @Test
  void withoutAnOrderTheSignalStopsTheChildAfterTheGrace() throws Exception {
    child = start(200);

    signal("TERM");
    await().atMost(WAIT).until(() -> !child.isAlive());

    assertThat(child.exitCode()).hasValue(ParentWatchdog.TERMINATED_EXIT_CODE);
    assertThat(output()).contains("no stop order within").contains(SleepingChild.HOOK_RAN);
  }

  @Test
  void anInterruptIsIgnored() throws Exception {
    child = start(600_000);

    signal("INT");
    signal("TERM");
    await().atMost(WAIT).until(() -> output().contains("SIGTERM received; waiting"));

    child.stop(WAIT);

    // An interrupt that stopped the JVM would have given exit code 130.
    assertThat(child.exitCode()).hasValue(0);
  }

  private JavaProcess start(long graceMillis) throws IOException {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/kill")), "needs /usr/bin/kill");
    JavaProcess process = new JavaProcess(new ProcessSpec("child", "a test child",
        Path.of(System.getProperty("java.home"), "bin", "java"),
        List.of("-Xmx32m", "-D" + ParentWatchdog.TERMINATION_GRACE_PROPERTY + "=" + graceMillis),
        List.of(System.getProperty("java.class.path")), SleepingChild.class.getName(), List.of(),
        Map.of(), temp.resolve("logs"), temp.resolve("pids/child.pid")));
    process.start();
    child = process;
    await().atMost(WAIT).until(() -> output().contains(SleepingChild.STARTED));
    return process;
  }

  private void signal(String signal) throws Exception {
    Process kill = new ProcessBuilder("/usr/bin/kill", "-s", signal, Long.toString(child.pid()))
        .inheritIO().start();
    assertThat(kill.waitFor()).as("kill -s %s", signal).isZero();
  }

  private String output() throws IOException {
    Path file = child.spec().outputFile();
    return Files.exists(file) ? Files.readString(file) : "";
  }
}
