package io.streametl.stack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.streametl.stack.LocalStackException;
import io.streametl.stack.PortInUseException;
import io.streametl.stack.PortPurpose;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamEtlCliTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return StreamEtlCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void helpListsEveryCommandAndOption() {
    assertThat(run("help")).isEqualTo(StreamEtlCli.OK);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("demo", "query", "--data-dir", "--kafka-port", "--connect-ports", "--configs",
            "--limit", "--table", "bench-sink", "--events", "--commit-interval-ms");
  }

  @Test
  void noArgumentsShowTheUsageAsAnError() {
    assertThat(run()).isEqualTo(StreamEtlCli.USAGE);
  }

  @Test
  void anUnknownCommandIsOneLine() {
    assertThat(run("demoo")).isEqualTo(StreamEtlCli.USAGE);
    assertThat(err()).isEqualTo("streametl: Unknown command 'demoo'. Commands: demo, query,"
        + " bench-sink, bench-mqtt, help. See ./streametl help." + System.lineSeparator());
  }

  @Test
  void aBadOptionIsOneLine() {
    assertThat(run("demo", "--kafka-port", "x")).isEqualTo(StreamEtlCli.USAGE);
    assertThat(err().lines()).singleElement().asString().contains("--kafka-port");
  }

  @Test
  void aBadBenchOptionIsOneLineAndStartsNothing(@TempDir Path temp) {
    assertThat(run("bench-sink", "--tasks", "8", "--data-dir", temp.resolve("d").toString()))
        .isEqualTo(StreamEtlCli.USAGE);
    assertThat(err().lines()).singleElement().asString().contains("--tasks (8)");
    assertThat(temp.resolve("d")).doesNotExist();
  }

  @Test
  void aMissingConfigFileIsOneLineAndStartsNothing(@TempDir Path temp) {
    int code = run("demo", "--data-dir", temp.resolve("data").toString(),
        "--configs", temp.resolve("missing.json").toString());

    assertThat(code).isEqualTo(StreamEtlCli.FAILED);
    assertThat(err().lines()).singleElement().asString().endsWith("missing.json does not exist.");
    assertThat(temp.resolve("data")).doesNotExist();
  }

  @Test
  void queryWithoutACatalogIsOneLine(@TempDir Path temp) {
    assertThat(run("query", "--data-dir", temp.toString())).isEqualTo(StreamEtlCli.FAILED);
    assertThat(err().lines()).singleElement().asString().contains("No Iceberg catalog at");
  }

  @Test
  void aPortInUseNamesTheOptionToChangeIt() {
    String message = StreamEtlCli.describe(new PortInUseException(18083, PortPurpose.CONNECT_REST,
        "Port 18083 for the REST API of Connect worker 0 is already in use."));

    assertThat(message).isEqualTo("Port 18083 for the REST API of Connect worker 0 is already in"
        + " use. Choose another with --connect-ports.");
  }

  @Test
  void knownFailuresHaveNoStackTrace() {
    assertThat(StreamEtlCli.describe(new LocalStackException("The plugin bundle x does not exist")))
        .isEqualTo("The plugin bundle x does not exist");
    assertThat(StreamEtlCli.describe(new NullPointerException("bug")))
        .startsWith("unexpected error: java.lang.NullPointerException: bug");
  }
}
