package io.streametl.converter;

import static org.assertj.core.api.Assertions.assertThat;

import io.streametl.common.config.ConfigDocs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The committed docs/config/StreamingJsonConverter.md matches the converter's ConfigDef. */
class ConverterConfigDocsTest {

  static final String REGENERATE = "./mvnw -o -q -B -pl converters test"
      + " -Dtest=ConverterConfigDocsTest -Dstreametl.docs.write=true";

  private static final Path PAGE = Path.of(System.getProperty("basedir", ".")).toAbsolutePath()
      .resolve("../docs/config/StreamingJsonConverter.md").normalize();

  @Test
  void theCommittedPageIsCurrent() throws IOException {
    String expected = ConfigDocs.markdown(new ConfigDocs.Page("StreamingJsonConverter",
        List.of(StreamingJsonConverter.class.getName()), StreamingJsonConverter.OVERVIEW_DOC,
        new StreamingJsonConverter().config(), REGENERATE));
    assertThat(ConfigDocs.committedText(PAGE, expected))
        .as("%s is missing or stale; regenerate with: %s", PAGE, REGENERATE)
        .hasValue(expected);
  }
}
