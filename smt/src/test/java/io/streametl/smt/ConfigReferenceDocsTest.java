package io.streametl.smt;

import static org.assertj.core.api.Assertions.assertThat;

import io.streametl.common.config.ConfigDocs;
import java.io.IOException;
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
    assertThat(ConfigDocs.committedText(page, expected))
        .as("%s is missing or stale; regenerate with: %s", page, Plugins.REGENERATE)
        .hasValue(expected);
  }
}
