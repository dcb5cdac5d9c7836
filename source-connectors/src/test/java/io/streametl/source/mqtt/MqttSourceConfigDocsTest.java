package io.streametl.source.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.streametl.common.config.ConfigDocs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The committed config reference docs/config/mqtt-source.md matches the ConfigDef: a stale page
 * fails the build. Regenerate with {@link #REGENERATE}.
 */
class MqttSourceConfigDocsTest {

  static final String REGENERATE = "./mvnw -o -q -B -pl source-connectors test"
      + " -Dtest=MqttSourceConfigDocsTest -Dstreametl.docs.write=true";

  private static final Path PAGE = Path.of(System.getProperty("basedir", ".")).toAbsolutePath()
      .resolve("../docs/config/mqtt-source.md").normalize();

  static String page() {
    return ConfigDocs.markdown(new ConfigDocs.Page("MqttSourceConnector",
        List.of(MqttSourceConnector.class.getName()), MqttSourceConnector.OVERVIEW_DOC
            + "\n\nGuide: <a href=\"../mqtt-source.md\">docs/mqtt-source.md</a>.",
        MqttSourceConnector.CONFIG_DEF, REGENERATE));
  }

  @Test
  void theCommittedPageIsCurrent() throws IOException {
    String expected = page();
    assertThat(ConfigDocs.committedText(PAGE, expected))
        .as("%s is missing or stale; regenerate with: %s", PAGE, REGENERATE)
        .hasValue(expected);
  }

  @Test
  void everySettingIsDocumentedWithAGroup() {
    assertThat(MqttSourceConnector.CONFIG_DEF.configKeys().values()).allSatisfy(key -> {
      assertThat(key.documentation).as(key.name).isNotBlank();
      assertThat(key.group).as(key.name).isNotBlank();
    });
  }
}
