package io.streametl.smt;

import static org.assertj.core.api.Assertions.assertThat;

import io.streametl.common.config.ConfigDocs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The committed config reference in docs/config/ matches the ConfigDefs: a stale page fails the
 * build. Regenerate with the command in {@link Plugins#REGENERATE}.
 */
class ConfigReferenceDocsTest {

  private static final Path DOCS =
      Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("../docs/config").normalize();

  static java.util.stream.Stream<Class<?>> plugins() {
    return Plugins.all();
  }

  @ParameterizedTest
  @MethodSource("plugins")
  void theCommittedPageIsCurrent(Class<?> plugin) throws IOException {
    String expected = ConfigDocs.markdown(Plugins.page(plugin));
    Path page = DOCS.resolve(plugin.getSimpleName() + ".md");
    if (Boolean.getBoolean("streametl.docs.write")) {
      Files.createDirectories(DOCS);
      Files.writeString(page, expected, StandardCharsets.UTF_8);
    }

    assertThat(page).as("%s is missing; regenerate with: %s", page, Plugins.REGENERATE).exists();
    assertThat(Files.readString(page, StandardCharsets.UTF_8))
        .as("%s is stale; regenerate with: %s", page, Plugins.REGENERATE)
        .isEqualTo(expected);
  }
}
