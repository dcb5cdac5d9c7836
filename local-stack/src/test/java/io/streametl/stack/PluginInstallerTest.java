package io.streametl.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginInstallerTest {

  @TempDir
  Path temp;

  @Test
  void unpacksTheComponentZipAsOnePluginDirectory() throws IOException {
    Path zip = zip(Map.of(
        "owner-name-1.0/manifest.json", "{}",
        "owner-name-1.0/lib/plugin.jar", "jar"));
    Path plugins = temp.resolve("plugins");

    List<Path> installed = PluginInstaller.install(zip, List.of(), plugins);

    assertThat(installed).containsExactly(plugins.resolve("owner-name-1.0"));
    assertThat(plugins.resolve("owner-name-1.0/lib/plugin.jar")).hasContent("jar");
  }

  @Test
  void replacesWhatAnEarlierBundleLeft() throws IOException {
    Path plugins = Files.createDirectories(temp.resolve("plugins/old-bundle/lib"));
    Files.writeString(plugins.resolve("stale.jar"), "old");

    PluginInstaller.install(zip(Map.of("new-bundle/lib/a.jar", "a")), List.of(),
        temp.resolve("plugins"));

    assertThat(temp.resolve("plugins/old-bundle")).doesNotExist();
  }

  @Test
  void anAdditionalJarBecomesAPluginDirectoryOfItsOwn() throws IOException {
    Path jar = Files.writeString(temp.resolve("test-plugin.jar"), "classes");
    Path plugins = temp.resolve("plugins");

    List<Path> installed = PluginInstaller.install(zip(Map.of("bundle/lib/a.jar", "a")),
        List.of(jar), plugins);

    assertThat(installed).contains(plugins.resolve("test-plugin"));
    assertThat(plugins.resolve("test-plugin/test-plugin.jar")).hasContent("classes");
  }

  @Test
  void refusesEntriesThatEscapeThePluginsDirectory() throws IOException {
    Path zip = zip(Map.of("../../evil.sh", "rm -rf"));

    assertThatThrownBy(() -> PluginInstaller.install(zip, List.of(), temp.resolve("plugins")))
        .isInstanceOf(LocalStackException.class)
        .hasMessageContaining("points outside");
    assertThat(temp.getParent().resolve("evil.sh")).doesNotExist();
  }

  private Path zip(Map<String, String> entries) throws IOException {
    Path zip = temp.resolve("bundle-" + System.nanoTime() + ".zip");
    try (OutputStream out = Files.newOutputStream(zip);
        ZipOutputStream zipOut = new ZipOutputStream(out)) {
      for (Map.Entry<String, String> entry : entries.entrySet()) {
        zipOut.putNextEntry(new ZipEntry(entry.getKey()));
        zipOut.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
        zipOut.closeEntry();
      }
    }
    return zip;
  }
}
