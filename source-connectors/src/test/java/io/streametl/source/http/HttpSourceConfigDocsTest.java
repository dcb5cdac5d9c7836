package io.streametl.source.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.streametl.common.config.ConfigDocs;
import io.streametl.source.http.config.EndpointConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.common.config.ConfigDef;
import org.junit.jupiter.api.Test;

/**
 * The committed config reference docs/config/http-source.md matches the ConfigDefs: a stale page
 * fails the build. Regenerate with {@link #REGENERATE}.
 */
class HttpSourceConfigDocsTest {

  static final String REGENERATE = "./mvnw -o -q -B -pl source-connectors test"
      + " -Dtest=HttpSourceConfigDocsTest -Dstreametl.docs.write=true";

  private static final Path PAGE = Path.of(System.getProperty("basedir", ".")).toAbsolutePath()
      .resolve("../docs/config/http-source.md").normalize();

  static String page() {
    String overview = HttpSourceConnector.OVERVIEW_DOC + "\n\n"
        + "Each endpoint listed in <code>endpoints</code> takes every setting of the groups whose"
        + " name starts with \"Endpoint\" as <code>endpoint.{name}.{setting}</code>;"
        + " the connector-level setting of the same name is the default for all endpoints. Headers"
        + " are set with <code>header.{Name}</code> (all endpoints) or"
        + " <code>endpoint.{name}.header.{Name}</code>, and may use"
        + " <code>${watermark}</code> and <code>${endpoint}</code>. The URL is the one setting"
        + " only an endpoint has:\n\n"
        + "<code>endpoint.{name}.url</code>: "
        + EndpointConfig.CONFIG_DEF.configKeys().get(EndpointConfig.URL).documentation
        + " (type string, required)";
    return ConfigDocs.markdown(new ConfigDocs.Page("HttpSourceConnector",
        List.of(HttpSourceConnector.class.getName()), overview, HttpSourceConnector.CONFIG_DEF,
        REGENERATE));
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
    for (ConfigDef def : List.of(HttpSourceConnector.CONFIG_DEF, EndpointConfig.CONFIG_DEF)) {
      assertThat(def.configKeys().values()).allSatisfy(key -> {
        assertThat(key.documentation).as(key.name).isNotBlank();
        assertThat(key.group).as(key.name).isNotBlank();
      });
    }
    assertThat(page()).contains("#### `pagination.mode`", "endpoint.{name}.url");
  }
}
