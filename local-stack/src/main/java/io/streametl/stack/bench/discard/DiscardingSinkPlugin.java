package io.streametl.stack.bench.discard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.apache.kafka.connect.sink.SinkConnector;

/**
 * Writes the discarding sink as a plugin jar, from this harness's own classes, with the
 * ServiceLoader entry that Connect's {@code plugin.discovery=service_load} needs.
 */
public final class DiscardingSinkPlugin {

  private static final List<Class<?>> CLASSES = List.of(DiscardingSinkConnector.class, DiscardingSinkTask.class);

  private DiscardingSinkPlugin() {}

  /** Writes {@code streametl-bench-discarding-sink.jar} into {@code dir} and returns its path. */
  public static Path writeJar(Path dir) {
    Path jar = dir.resolve("streametl-bench-discarding-sink.jar");
    try {
      Files.createDirectories(dir);
      try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
        for (Class<?> type : CLASSES) {
          String resource = type.getName().replace('.', '/') + ".class";
          out.putNextEntry(new JarEntry(resource));
          try (InputStream in = type.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
              throw new IllegalStateException("class file " + resource + " not found on the class path");
            }
            in.transferTo(out);
          }
          out.closeEntry();
        }
        out.putNextEntry(new JarEntry("META-INF/services/" + SinkConnector.class.getName()));
        out.write((DiscardingSinkConnector.class.getName() + "\n").getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
      return jar;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the discarding sink's plugin jar to " + jar, e);
    }
  }
}
