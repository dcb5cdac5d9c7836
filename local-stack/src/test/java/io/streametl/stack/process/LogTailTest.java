package io.streametl.stack.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {

  @TempDir
  Path temp;

  @Test
  void returnsTheLastLines() throws IOException {
    Path log = Files.writeString(temp.resolve("broker.log"), "one\ntwo\nthree\nfour\n");

    assertThat(LogTail.lastLines(log, 2)).containsExactly("three", "four");
  }

  @Test
  void saysWhenThereIsNothingToShow() {
    assertThat(LogTail.describe(temp.resolve("missing.log"), 5)).contains("is empty");
  }
}
