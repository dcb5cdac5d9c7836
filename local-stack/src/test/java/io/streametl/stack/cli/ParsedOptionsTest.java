package io.streametl.stack.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParsedOptionsTest {

  private static final List<OptionSpec> SPECS = List.of(
      OptionSpec.value("--port", "PORT", "a port"),
      OptionSpec.value("--ports", "P1,P2", "ports"),
      OptionSpec.value("--files", "F1,F2", "files"),
      OptionSpec.value("--limit", "N", "a count"),
      OptionSpec.flag("--reset", "a flag"));

  private static ParsedOptions parse(String... args) {
    return ParsedOptions.parse("demo", SPECS, List.of(args));
  }

  @Test
  void readsValuesInBothFormsAndFlags() {
    ParsedOptions options = parse("--port", "19092", "--ports=1,2", "--reset");

    assertThat(options.port("--port", 0)).isEqualTo(19092);
    assertThat(options.ports("--ports", List.of())).containsExactly(1, 2);
    assertThat(options.flag("--reset")).isTrue();
    assertThat(options.positiveInt("--limit", 10)).isEqualTo(10);
  }

  @Test
  void listsSplitOnCommasAndIgnoreBlanks() {
    assertThat(parse("--files", "a.json, b.json,").paths("--files", List.of()))
        .containsExactly(Path.of("a.json"), Path.of("b.json"));
  }

  @Test
  void unknownOptionListsTheKnownOnes() {
    assertThatThrownBy(() -> parse("--prot", "1"))
        .isInstanceOf(UsageException.class)
        .hasMessage("Unknown option --prot for demo. Options: --port, --ports, --files, --limit,"
            + " --reset.");
  }

  @Test
  void missingValueShowsTheExpectedForm() {
    assertThatThrownBy(() -> parse("--port"))
        .hasMessage("Option --port needs a value: --port PORT.");
    assertThatThrownBy(() -> parse("--port", "--reset"))
        .hasMessage("Option --port needs a value: --port PORT.");
  }

  @Test
  void badPortNamesTheOptionAndTheRange() {
    assertThatThrownBy(() -> parse("--ports", "18083,x").ports("--ports", List.of()))
        .hasMessage("Option --ports takes port numbers (0-65535, 0 = any free port), got 'x' for"
            + " demo.");
    assertThatThrownBy(() -> parse("--port", "70000").port("--port", 0))
        .hasMessageContaining("got '70000'");
  }

  @Test
  void badCountIsRejected() {
    assertThatThrownBy(() -> parse("--limit", "0").positiveInt("--limit", 10))
        .hasMessage("Option --limit must be a positive whole number, got '0'.");
  }

  @Test
  void positionalArgumentsAndRepeatsAreRejected() {
    assertThatThrownBy(() -> parse("extra"))
        .hasMessageContaining("Unexpected argument 'extra'");
    assertThatThrownBy(() -> parse("--port", "1", "--port", "2"))
        .hasMessage("Option --port is given twice.");
    assertThatThrownBy(() -> parse("--reset=yes"))
        .hasMessage("Option --reset is a flag and takes no value.");
  }
}
