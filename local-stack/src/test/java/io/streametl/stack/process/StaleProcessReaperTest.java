package io.streametl.stack.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaleProcessReaperTest {

  @TempDir
  Path dataDir;

  @Test
  void aPidThatIsNotOurWatchdogIsNeverKilled() throws IOException {
    Path pids = Files.createDirectories(dataDir.resolve("pids"));
    // This very JVM: alive, but its command line is not a child of a local stack.
    Files.writeString(pids.resolve("broker.pid"), ProcessHandle.current().pid() + "\n");

    int killed = StaleProcessReaper.reap(pids, dataDir);

    assertThat(killed).isZero();
    assertThat(ProcessHandle.current().isAlive()).isTrue();
    assertThat(pids.resolve("broker.pid")).doesNotExist();
  }

  @Test
  void unreadableAndDeadPidFilesAreRemoved() throws IOException {
    Path pids = Files.createDirectories(dataDir.resolve("pids"));
    Files.writeString(pids.resolve("worker-0.pid"), "not a pid");
    Files.writeString(pids.resolve("worker-1.pid"), Long.MAX_VALUE + "\n");

    assertThat(StaleProcessReaper.reap(pids, dataDir)).isZero();
    assertThat(pids).isEmptyDirectory();
  }

  @Test
  void noPidsDirectoryIsNothingToDo() {
    assertThat(StaleProcessReaper.reap(dataDir.resolve("pids"), dataDir)).isZero();
  }
}
