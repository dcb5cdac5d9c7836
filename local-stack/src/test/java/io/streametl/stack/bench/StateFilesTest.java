package io.streametl.stack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateFilesTest {

  @TempDir
  Path table;

  @Test
  void sumsTheConnectorsStateFilesUnderTheTableLocation() throws Exception {
    Path state = Files.createDirectories(table.resolve("streametl-state/sink/p0"));
    Files.write(state.resolve("base-1"), new byte[100]);
    Files.write(state.resolve("delta-2"), new byte[20]);
    Files.createDirectories(table.resolve("streametl-state/other"));
    Files.write(table.resolve("streametl-state/other/base-1"), new byte[7]);

    assertThat(StateFiles.bytes(table.toUri().toString(), "sink")).isEqualTo(120);
    assertThat(StateFiles.bytes(table.toString(), "sink")).isEqualTo(120);
    assertThat(StateFiles.bytes(table.toString(), "missing")).isZero();
    assertThat(StateFiles.bytes("s3://bucket/table", "sink")).isEqualTo(-1);
  }
}
