package io.streametl.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Where everything of one local stack lives under its data directory. Keeping it in one place
 * lets the CLI, the tests and the connector configs (through {@code ${env:STREAMETL_DATA_DIR}})
 * agree on paths.
 *
 * <pre>
 * data/
 *   .streametl-local-stack   marker: this directory belongs to a local stack (safe to reset)
 *   kafka/                   broker.properties, the KRaft log dirs under kafka/data
 *   connect/                 worker-N.properties
 *   plugins/                 plugin.path: the unpacked bundle (and any extra test plugins)
 *   config/                  log4j2 configs of the processes, the watchdog jar
 *   logs/                    broker.log, worker-N.log (log4j) and *.out (stdout/stderr)
 *   pids/                    pid files, to reap processes left by a crashed run
 *   iceberg/                 free for connectors: the demo's catalog and warehouse
 *   mqtt/                    the MQTT broker's config and persistence (when the stack runs one)
 * </pre>
 */
public record StackLayout(Path dataDir) {

  static final String MARKER = ".streametl-local-stack";

  public StackLayout {
    dataDir = dataDir.toAbsolutePath().normalize();
  }

  public Path kafkaDir() {
    return dataDir.resolve("kafka");
  }

  public Path kafkaLogDir() {
    return kafkaDir().resolve("data");
  }

  public Path connectDir() {
    return dataDir.resolve("connect");
  }

  public Path pluginsDir() {
    return dataDir.resolve("plugins");
  }

  public Path configDir() {
    return dataDir.resolve("config");
  }

  public Path logsDir() {
    return dataDir.resolve("logs");
  }

  public Path pidsDir() {
    return dataDir.resolve("pids");
  }

  public Path icebergDir() {
    return dataDir.resolve("iceberg");
  }

  public Path mqttDir() {
    return dataDir.resolve("mqtt");
  }

  public Path watchdogJar() {
    return configDir().resolve("streametl-process-watchdog.jar");
  }

  Path marker() {
    return dataDir.resolve(MARKER);
  }

  /** Creates the directories and marks the data directory as ours. */
  void create() {
    try {
      for (Path dir : new Path[] {kafkaDir(), connectDir(), pluginsDir(), configDir(), logsDir(),
          pidsDir(), icebergDir(), mqttDir()}) {
        Files.createDirectories(dir);
      }
      if (!Files.exists(marker())) {
        Files.writeString(marker(), "Data directory of a StreamETL local stack; safe to delete.\n");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create the data directory " + dataDir, e);
    }
  }

  /**
   * Deletes the data directory, but only if it is ours (has the marker) or empty, so a mistyped
   * --data-dir never wipes someone's files.
   */
  public void reset() {
    if (!Files.exists(dataDir)) {
      return;
    }
    try {
      boolean empty;
      try (Stream<Path> entries = Files.list(dataDir)) {
        empty = entries.findAny().isEmpty();
      }
      if (!empty && !Files.exists(marker())) {
        throw new LocalStackException("Refusing to reset " + dataDir + ": it is not a local stack"
            + " data directory (no " + MARKER + " file). Choose another --data-dir.");
      }
      FileTrees.deleteRecursively(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not delete " + dataDir, e);
    }
  }
}
