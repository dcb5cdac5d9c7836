package io.streametl.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import io.streametl.stack.rest.ConnectorPlugin;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/** The plugins the bundle zip declares in the ServiceLoader manifests of its StreamETL jars. */
final class BundlePlugins {

  private BundlePlugins() {}

  static Set<String> listed(Path bundleZip) {
    Set<String> listed = new TreeSet<>();
    try (ZipFile zip = new ZipFile(bundleZip.toFile())) {
      for (ZipEntry jar : zip.stream().filter(e -> e.getName().matches(".*/lib/streametl-[^/]+\\.jar")).toList()) {
        try (ZipInputStream in = new ZipInputStream(zip.getInputStream(jar))) {
          for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
            if (e.getName().startsWith("META-INF/services/org.apache.kafka.connect.")) {
              for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String name = line.replaceAll("#.*", "").trim();
                if (!name.isEmpty()) {
                  listed.add(name);
                }
              }
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return listed;
  }

  /**
   * Our plugins among those a worker lists, by class name. A class that is two kinds of plugin (a
   * converter that is also a header converter) is listed once per kind: the first kind is kept.
   */
  static Map<String, ConnectorPlugin> ours(List<ConnectorPlugin> listedByWorker) {
    return listedByWorker.stream()
        .filter(p -> p.className().startsWith("io.streametl.")
            && !p.className().startsWith("io.streametl.e2e."))
        .collect(Collectors.toMap(ConnectorPlugin::className, p -> p, (first, second) -> first));
  }
}
