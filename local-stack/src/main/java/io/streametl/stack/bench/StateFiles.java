package io.streametl.stack.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The dedup state files our sink keeps under its anchor table ({@code
 * <table location>/streametl-state/<connector>/}): bases and the deltas since, as they lie on disk.
 */
final class StateFiles {

  private StateFiles() {}

  /** Total bytes of the connector's state files, or -1 if the table is not on the local disk. */
  static long bytes(String location, String connectorName) {
    if (!location.startsWith("file:") && !location.startsWith("/")) {
      return -1;
    }
    Path folder = (location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location))
        .resolve("streametl-state").resolve(connectorName);
    if (!Files.isDirectory(folder)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile).mapToLong(StateFiles::size).sum();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not list " + folder, e);
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the size of " + file, e);
    }
  }
}
