package io.streametl.source.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.streametl.common.config.ConfigDocs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The committed docs/config/EventGeneratorSourceConnector.md matches the ConfigDef. */
class GeneratorConfigDocsTest {

  static final String REGENERATE = "./mvnw -o -q -B -pl source-connectors test"
      + " -Dtest=GeneratorConfigDocsTest -Dstreametl.docs.write=true";

  private static final Path PAGE = Path.of(System.getProperty("basedir", ".")).toAbsolutePath()
      .resolve("../docs/config/EventGeneratorSourceConnector.md").normalize();

  @Test
  void theCommittedPageIsCurrent() throws IOException {
    String expected = ConfigDocs.markdown(new ConfigDocs.Page("EventGeneratorSourceConnector",
        List.of(EventGeneratorSourceConnector.class.getName()), EventGeneratorSourceConnector.OVERVIEW_DOC,
        EventGeneratorSourceConnector.CONFIG_DEF, REGENERATE));
    assertThat(ConfigDocs.committedText(PAGE, expected))
        .as("%s is missing or stale; regenerate with: %s", PAGE, REGENERATE)
        .hasValue(expected);
  }
}
