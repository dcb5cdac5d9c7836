package io.streametl.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Fills {@code plugin.path} the way a user installs a Confluent Hub component: the bundle zip is
 * unpacked as it is (its top folder becomes one plugin with its own class loader). The directory
 * is emptied first so a rebuilt bundle never mixes with the jars of the previous one.
 */
final class PluginInstaller {

  private PluginInstaller() {}

  /** Returns the top-level plugin directories now under {@code pluginsDir}. */
  static List<Path> install(Path bundleZip, List<Path> additionalPlugins, Path pluginsDir) {
    try {
      FileTrees.deleteRecursively(pluginsDir);
      Files.createDirectories(pluginsDir);
      unzip(bundleZip, pluginsDir);
      for (Path plugin : additionalPlugins) {
        installAdditional(plugin, pluginsDir);
      }
      List<Path> installed = new ArrayList<>();
      try (var entries = Files.list(pluginsDir)) {
        entries.filter(Files::isDirectory).sorted().forEach(installed::add);
      }
      return installed;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not install the plugins into " + pluginsDir, e);
    }
  }

  static void unzip(Path zip, Path targetDir) throws IOException {
    Path root = targetDir.toAbsolutePath().normalize();
    try (ZipFile zipFile = new ZipFile(zip.toFile())) {
      Enumeration<? extends ZipEntry> entries = zipFile.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        Path target = root.resolve(entry.getName()).normalize();
        // An entry like "../../x" must not escape the plugins directory (zip slip).
        if (!target.startsWith(root)) {
          throw new LocalStackException("Refusing to unpack " + zip + ": entry " + entry.getName()
              + " points outside the target directory.");
        }
        if (entry.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          try (InputStream in = zipFile.getInputStream(entry)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
    }
  }

  /** A jar becomes a plugin directory of its own; a directory is copied as one plugin. */
  private static void installAdditional(Path plugin, Path pluginsDir) throws IOException {
    String fileName = plugin.getFileName().toString();
    if (Files.isDirectory(plugin)) {
      FileTrees.copyRecursively(plugin, pluginsDir.resolve(fileName));
    } else if (fileName.endsWith(".jar")) {
      Path dir = pluginsDir.resolve(fileName.substring(0, fileName.length() - ".jar".length()));
      Files.createDirectories(dir);
      Files.copy(plugin, dir.resolve(fileName), StandardCopyOption.REPLACE_EXISTING);
    } else {
      throw new LocalStackException("Additional plugin " + plugin
          + " is neither a directory nor a .jar file.");
    }
  }
}
