package io.streametl.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.streametl.stack.ConnectWorker;
import io.streametl.stack.LocalStack;
import io.streametl.stack.rest.ConnectorConfigFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bundle on a broker and a Connect worker that run a newer JDK than the tests: the newest JDK
 * installed under {@code /usr/lib/jvm}, or the one the system property {@code streametl.newer.jdk}
 * names. Its own one-worker stack; the demo pipeline through our sink, and the stock Iceberg sink
 * landing the same topic. Both sinks write through Hadoop's file system classes (Iceberg's
 * HadoopFileIO for a local warehouse), and Hadoop's {@code FileSystem.get} asks
 * {@code UserGroupInformation} for the current user. Up to Hadoop 3.4.2 that called
 * {@code Subject.getSubject}, which JDK 23 and later refuse: with 3.4.2 in the bundle, this test
 * failed on JDK 25 within seconds, the stock sink's task with {@code UnsupportedOperationException:
 * getSubject is not supported} at its first file. Skipped where no newer JDK is installed.
 */
@EnabledIf(value = "newerJdkInstalled", disabledReason = "no JDK newer than the test JDK under /usr/lib/jvm"
    + " (or set -Dstreametl.newer.jdk=<JDK home>)")
class NewerJdkIT {

  private static final Logger LOG = LoggerFactory.getLogger(NewerJdkIT.class);
  private static final Path JDKS = Path.of("/usr/lib/jvm");
  private static final Pattern JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)([^\"]*)\"");
  private static final Duration COMPLETION = Duration.ofMinutes(3);

  /** A JDK installation and the version its {@code release} file gives. */
  record Jdk(Path home, int feature, String version) {}

  private static Jdk jdk;
  private static LocalStack stack;

  private PipelineRun run;
  private ConnectorConfigFile raw;

  @BeforeAll
  static void startOnTheNewerJdk() {
    jdk = newerJdk().orElseThrow();
    stack = E2eSettings.fromSystemProperties().ownStack("newer-jdk")
        .workers(1)
        .javaHome(jdk.home())
        .build()
        .start();
    LOG.info("Stack on JDK {} ({}) started in {}", jdk.version(), jdk.home(), stack.startupTimes().describe());
  }

  @AfterAll
  static void stopTheStack() {
    if (stack != null) {
      stack.close();
    }
  }

  @AfterEach
  void removeConnectors() {
    if (raw != null) {
      stack.rest().delete(raw.name());
    }
    if (run != null) {
      run.stop();
    }
  }

  @Test
  void bothSinksOfTheBundleWriteTheirTablesOnTheNewerJdk() throws IOException {
    ConnectWorker worker = stack.workers().get(0);
    assertThat(Files.readString(worker.logFile())).as("the worker's JVM, as Connect logs it at start-up")
        .containsPattern("jvm\\.spec = .*, " + Pattern.quote(jdk.version()));

    run = new PipelineRun(stack, 3_000, 3_000, 0.05);
    String rawTable = run.table + "_raw";
    raw = run.rawLandingSink(rawTable);
    stack.rest().createOrUpdate(raw.name(), raw.config());
    stack.rest().awaitRunning(raw.name(), 1, Duration.ofMinutes(2));
    run.start();
    PipelineRun.Expected expected = run.expected();
    int emitted = (int) Long.parseLong(run.generator.config().get("events.total"));

    await().atMost(COMPLETION).pollInterval(Duration.ofSeconds(1)).until(() ->
        noTaskFailed(run.sink.name(), raw.name())
            && run.tableEventIds().size() >= expected.validIds().size()
            && run.tableRows(rawTable, "payload").size() >= emitted
            && PipelineRun.distinct(run.deadLetters().stream().map(PipelineRun.DeadLetter::key).toList())
                .size() >= PipelineRun.distinct(expected.invalidIds()).size());

    List<String> rows = run.tableEventIds();
    assertThat(rows).as("rows of our sink's table").hasSameSizeAs(expected.validIds());
    assertThat(PipelineRun.distinct(rows)).isEqualTo(PipelineRun.distinct(expected.validIds()));
    assertThat(PipelineRun.distinct(run.deadLetters().stream().map(PipelineRun.DeadLetter::key).toList()))
        .as("keys in the dead-letter topic").isEqualTo(PipelineRun.distinct(expected.invalidIds()));

    List<String> payloads = run.tableRows(rawTable, "payload");
    assertThat(payloads).as("rows of the stock sink's raw table").hasSize(emitted);
    assertThat(payloads.stream().map(PipelineRun::eventIdIn).flatMap(Optional::stream).toList())
        .containsAll(expected.validIds());
    assertThat(stack.rest().status(run.sink.name()).isRunning(2)).isTrue();
    assertThat(stack.rest().status(raw.name()).isRunning(1)).isTrue();
    LOG.info("On JDK {}: {} rows in our table, {} in the raw table", jdk.version(), rows.size(), payloads.size());
  }

  /** True, or an assertion error with the first failed task's trace: a failed sink task stays failed. */
  private static boolean noTaskFailed(String... connectors) {
    for (String connector : connectors) {
      stack.rest().status(connector).firstFailedTask().ifPresent(task -> {
        throw new AssertionError("task " + task.id() + " of " + connector + " failed on JDK " + jdk.version()
            + ":\n" + task.trace());
      });
    }
    return true;
  }

  static boolean newerJdkInstalled() {
    return newerJdk().isPresent();
  }

  /** The JDK named by {@code streametl.newer.jdk}, else the newest one under /usr/lib/jvm newer than this JVM. */
  static Optional<Jdk> newerJdk() {
    String named = System.getProperty("streametl.newer.jdk", "");
    if (!named.isBlank()) {
      Path home = Path.of(named);
      return Optional.of(jdkAt(home).orElseThrow(() -> new IllegalStateException(
          "streametl.newer.jdk=" + home + " is not a JDK home (no bin/java and release file)")));
    }
    if (!Files.isDirectory(JDKS)) {
      return Optional.empty();
    }
    try (Stream<Path> homes = Files.list(JDKS)) {
      return homes.filter(home -> !Files.isSymbolicLink(home))
          .map(NewerJdkIT::jdkAt).flatMap(Optional::stream)
          .filter(found -> found.feature() > Runtime.version().feature())
          .max(Comparator.comparingInt(Jdk::feature));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Optional<Jdk> jdkAt(Path home) {
    Path release = home.resolve("release");
    if (!Files.isExecutable(home.resolve("bin/java")) || !Files.isRegularFile(release)) {
      return Optional.empty();
    }
    try {
      Matcher m = JAVA_VERSION.matcher(Files.readString(release));
      return m.find() ? Optional.of(new Jdk(home, Integer.parseInt(m.group(1)), m.group(1) + m.group(2)))
          : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
