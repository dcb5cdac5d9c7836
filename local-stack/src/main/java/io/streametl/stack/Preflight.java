package io.streametl.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Checks made before anything starts, each failing with one line that says what to do. */
final class Preflight {

  private Preflight() {}

  static Path javaExecutable(Path javaHome) {
    Path java = javaHome.resolve("bin").resolve(isWindows() ? "java.exe" : "java");
    if (!Files.isExecutable(java)) {
      throw new LocalStackException("No java executable at " + java + "; install a JDK 17+ and"
          + " set JAVA_HOME.");
    }
    return java;
  }

  static void requireKafkaLibs(Path libs) {
    if (!hasJar(libs, "kafka_2.13-") || !hasJar(libs, "connect-runtime-")) {
      throw new LocalStackException("No Kafka distribution in " + libs + " (kafka_2.13 and"
          + " connect-runtime jars); build it with: ./mvnw -B -pl kafka-dist install");
    }
  }

  static void requireBundle(Path zip) {
    if (!Files.isRegularFile(zip)) {
      throw new LocalStackException("The plugin bundle " + zip + " does not exist; build it with:"
          + " ./mvnw -B install -DskipTests");
    }
  }

  private static boolean hasJar(Path dir, String prefix) {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString())
          .anyMatch(name -> name.startsWith(prefix) && name.endsWith(".jar"));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + dir, e);
    }
  }

  private static boolean isWindows() {
    return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("win");
  }
}
