package io.streametl.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackLayoutTest {

  @TempDir
  Path temp;

  @Test
  void resetDeletesADataDirectoryOfALocalStack() {
    StackLayout layout = new StackLayout(temp.resolve("data"));
    layout.create();

    layout.reset();

    assertThat(layout.dataDir()).doesNotExist();
  }

  @Test
  void resetRefusesADirectoryThatIsNotALocalStack() throws IOException {
    Path someonesFiles = Files.createDirectories(temp.resolve("home"));
    Files.writeString(someonesFiles.resolve("thesis.tex"), "precious");

    assertThatThrownBy(() -> new StackLayout(someonesFiles).reset())
        .isInstanceOf(LocalStackException.class)
        .hasMessageContaining("Refusing to reset")
        .hasMessageContaining("--data-dir");
    assertThat(someonesFiles.resolve("thesis.tex")).exists();
  }

  @Test
  void resetOfAMissingOrEmptyDirectoryIsFine() throws IOException {
    new StackLayout(temp.resolve("missing")).reset();
    Path empty = Files.createDirectories(temp.resolve("empty"));

    new StackLayout(empty).reset();

    assertThat(empty).doesNotExist();
  }

  @Test
  void pathsAreAbsolute() {
    StackLayout layout = new StackLayout(Path.of("relative/data"));

    assertThat(layout.dataDir()).isAbsolute();
    assertThat(layout.logsDir()).isEqualTo(layout.dataDir().resolve("logs"));
  }
}
