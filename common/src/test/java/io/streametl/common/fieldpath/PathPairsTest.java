package io.streametl.common.fieldpath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class PathPairsTest {

  @Test
  void pathThenTextKeepsColonsInTheText() {
    Map.Entry<FieldPath, String> pair = PathPairs.pathThenText("_meta.url : http://x:8080", "a:b");

    assertThat(pair.getKey()).isEqualTo(FieldPath.of("_meta", "url"));
    assertThat(pair.getValue()).isEqualTo("http://x:8080");
  }

  @Test
  void pathThenTextReadsAQuotedPathWithColons() {
    Map.Entry<FieldPath, String> pair = PathPairs.pathThenText("`ns:id`.x:prod", "a:b");

    assertThat(pair.getKey()).isEqualTo(FieldPath.of("ns:id", "x"));
    assertThat(pair.getValue()).isEqualTo("prod");
  }

  @Test
  void pathThenTextAllowsAnEmptyText() {
    assertThat(PathPairs.pathThenText("env:", "a:b").getValue()).isEmpty();
  }

  @Test
  void pathThenTextNeedsAColonAfterAValidPath() {
    assertThatThrownBy(() -> PathPairs.pathThenText("env", "env:prod"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("Invalid entry 'env': expected path:text, e.g. env:prod");
    assertThatThrownBy(() -> PathPairs.pathThenText("a..b:x", "env:prod"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("empty field name");
  }

  @Test
  void textThenPathSplitsAtTheFirstColon() {
    Map.Entry<String, FieldPath> pair = PathPairs.textThenPath("trace-id : `a:b`.c", "h:p");

    assertThat(pair.getKey()).isEqualTo("trace-id");
    assertThat(pair.getValue()).isEqualTo(FieldPath.of("a:b", "c"));
  }

  @Test
  void textThenPathRejectsAMissingNameOrPath() {
    assertThatThrownBy(() -> PathPairs.textThenPath(":a", "h:p"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("Invalid entry ':a': expected name:path, e.g. h:p");
    assertThatThrownBy(() -> PathPairs.textThenPath("h:", "h:p"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("Invalid entry 'h:'");
  }
}
