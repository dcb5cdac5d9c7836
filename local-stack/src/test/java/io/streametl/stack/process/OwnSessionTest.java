package io.streametl.stack.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnSessionTest {

  @TempDir Path temp;

  @Test
  void prefixesTheCommandWithSetsidWhereThereIsOne() {
    List<String> command = List.of("/usr/bin/java", "-cp", "x", "Main");

    assertThat(OwnSession.command(command, Optional.of(Path.of("/usr/bin/setsid"))))
        .containsExactly("/usr/bin/setsid", "/usr/bin/java", "-cp", "x", "Main");
    assertThat(OwnSession.command(command, Optional.empty())).isEqualTo(command);
  }

  @Test
  void aChildRunsInASessionOfItsOwnUnderItsRecordedPid() throws IOException {
    assumeTrue(Files.isReadable(Path.of("/proc/self/stat")), "needs Linux's /proc");
    assumeTrue(OwnSession.command(List.of("x")).size() == 2, "needs setsid");
    JavaProcess child = new JavaProcess(new ProcessSpec("child", "a test child",
        Path.of(System.getProperty("java.home"), "bin", "java"), List.of("-Xmx32m"),
        List.of(System.getProperty("java.class.path")), SleepingChild.class.getName(), List.of(),
        Map.of(), temp.resolve("logs"), temp.resolve("pids/child.pid")));
    child.start();
    try {
      long pid = child.pid();

      assertThat(Files.readString(Path.of("/proc/" + pid + "/cmdline")))
          .startsWith(System.getProperty("java.home"));
      assertThat(session(Path.of("/proc/" + pid + "/stat"))).isEqualTo(pid)
          .isNotEqualTo(session(Path.of("/proc/self/stat")));
    } finally {
      child.stop(Duration.ofSeconds(10));
    }
    assertThat(child.isAlive()).isFalse();
  }

  /** Field 6 of /proc/PID/stat; the command name in field 2 may hold spaces, so parse after it. */
  private static long session(Path stat) throws IOException {
    String text = Files.readString(stat);
    String[] afterName = text.substring(text.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(afterName[3]);
  }
}
