package io.streametl.source.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.streametl.common.config.ConfigDocs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
    if (Boolean.getBoolean("streametl.docs.write")) {
      Files.createDirectories(PAGE.getParent());
      Files.writeString(PAGE, expected, StandardCharsets.UTF_8);
    }

    assertThat(PAGE).as("%s is missing; regenerate with: %s", PAGE, REGENERATE).exists();
    assertThat(Files.readString(PAGE, StandardCharsets.UTF_8))
        .as("%s is stale; regenerate with: %s", PAGE, REGENERATE).isEqualTo(expected);
  }

  @Test
  void everySettingIsDocumentedWithAGroup() {
    assertThat(MqttSourceConnector.CONFIG_DEF.configKeys().values()).allSatisfy(key -> {
      assertThat(key.documentation).as(key.name).isNotBlank();
      assertThat(key.group).as(key.name).isNotBlank();
    });
  }
}
