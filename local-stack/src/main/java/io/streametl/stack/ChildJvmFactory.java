package io.streametl.stack;

import io.streametl.stack.config.Log4jConfig;
import io.streametl.stack.process.ProcessSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the launch spec of a child JVM the way kafka-run-class.sh does (same GC options, log4j2
 * config by system property), with the Kafka libs first and the one-class watchdog jar after them.
 */
final class ChildJvmFactory {

  // kafka-run-class.sh's KAFKA_JVM_PERFORMANCE_OPTS.
  private static final List<String> PERFORMANCE_OPTIONS = List.of(
      "-server", "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20",
      "-XX:InitiatingHeapOccupancyPercent=35", "-XX:+ExplicitGCInvokesConcurrent",
      "-Djava.awt.headless=true");

  private final Path javaExecutable;
  private final Path kafkaLibs;
  private final StackLayout layout;

  ChildJvmFactory(Path javaExecutable, Path kafkaLibs, StackLayout layout) {
    this.javaExecutable = javaExecutable;
    this.kafkaLibs = kafkaLibs;
    this.layout = layout;
  }

  /** Writes the process's log4j2 config and returns its launch spec; logs go to {@code <name>.log}. */
  ProcessSpec spec(String name, String description, String maxHeap, String mainClass,
      List<String> args, Map<String, String> environment) {
    return spec(name, description, maxHeap, List.of(kafkaLibs.resolve("*").toString()), mainClass,
        args, environment);
  }

  /** Like {@link #spec}, on a class path of its own instead of the Kafka libs. */
  ProcessSpec spec(String name, String description, String maxHeap, List<String> classpath,
      String mainClass, List<String> args, Map<String, String> environment) {
    Path log4jConfig = layout.configDir().resolve(name + "-log4j2.xml");
    writeLog4jConfig(log4jConfig, description, layout.logsDir().resolve(name + ".log"));

    List<String> jvmOptions = new ArrayList<>();
    jvmOptions.add("-Xmx" + maxHeap);
    jvmOptions.addAll(PERFORMANCE_OPTIONS);
    jvmOptions.add("-Dlog4j2.configurationFile=" + log4jConfig);
    jvmOptions.add("-Dkafka.logs.dir=" + layout.logsDir());

    return new ProcessSpec(name, description, javaExecutable, jvmOptions,
        withWatchdog(classpath),
        mainClass, args, environment, layout.logsDir(), layout.pidsDir().resolve(name + ".pid"));
  }

  private List<String> withWatchdog(List<String> classpath) {
    List<String> entries = new ArrayList<>(classpath);
    entries.add(layout.watchdogJar().toString());
    return entries;
  }

  private static void writeLog4jConfig(Path file, String description, Path logFile) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, Log4jConfig.render(description, logFile), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write " + file, e);
    }
  }
}
