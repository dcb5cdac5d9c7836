package io.streametl.stack.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DemoApiOptionsTest {

  @Test
  void defaultsToTheDemoPortOnLoopbackWithTheTokenFromTheEnvironment() {
    DemoApiOptions options = DemoApiOptions.parse(List.of(), Optional.of("t0k"));

    assertThat(options).isEqualTo(new DemoApiOptions("127.0.0.1", 18089, "t0k"));
  }

  @Test
  void theTokenOptionWinsOverTheEnvironment() {
    DemoApiOptions options = DemoApiOptions.parse(
        List.of("--bind", "0.0.0.0", "--port", "8089", "--token", "given"), Optional.of("env"));

    assertThat(options).isEqualTo(new DemoApiOptions("0.0.0.0", 8089, "given"));
  }

  @Test
  void withoutAnyTokenItSaysWhereToGiveOne() {
    assertThatThrownBy(() -> DemoApiOptions.parse(List.of(), Optional.of(" ")))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("--token").hasMessageContaining("STREAMETL_API_TOKEN");
  }

  @Test
  void refusesAnyFreePortBecauseTheConnectorConfigNamesThePort() {
    assertThatThrownBy(() -> DemoApiOptions.parse(List.of("--port", "0"), Optional.of("t")))
        .isInstanceOf(UsageException.class).hasMessageContaining("--port");
  }
}
