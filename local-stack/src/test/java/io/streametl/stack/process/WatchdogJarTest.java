package io.streametl.stack.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatchdogJarTest {

  @TempDir
  Path temp;

  @Test
  void holdsTheWatchdogClassAndNothingElseOfOurs() throws IOException {
    Path jar = WatchdogJar.write(temp.resolve("config/watchdog.jar"));

    try (JarFile jarFile = new JarFile(jar.toFile())) {
      assertThat(jarFile.stream().map(JarEntry::getName).filter(name -> name.endsWith(".class")))
          .containsExactly("io/streametl/stack/process/ParentWatchdog.class");
    }
  }
}
