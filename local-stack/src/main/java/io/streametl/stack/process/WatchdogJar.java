package io.streametl.stack.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Writes a jar holding only {@link ParentWatchdog}. The children get this jar, not the whole
 * local-stack jar, after the Kafka libs: the worker class path stays vanilla Kafka plus one class
 * that no plugin scanner will ever mistake for a plugin.
 */
public final class WatchdogJar {

  private WatchdogJar() {}

  public static Path write(Path jar) {
    String entryName = ParentWatchdog.class.getName().replace('.', '/') + ".class";
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    try (InputStream classBytes = ParentWatchdog.class.getClassLoader().getResourceAsStream(entryName)) {
      if (classBytes == null) {
        throw new IllegalStateException("Class file " + entryName + " not found on the class path");
      }
      Files.createDirectories(jar.getParent());
      try (OutputStream out = Files.newOutputStream(jar);
          JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
        jarOut.putNextEntry(new JarEntry(entryName));
        classBytes.transferTo(jarOut);
        jarOut.closeEntry();
      }
      return jar;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the watchdog jar " + jar, e);
    }
  }
}
