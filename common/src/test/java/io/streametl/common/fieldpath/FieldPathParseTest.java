package io.streametl.common.fieldpath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FieldPathParseTest {

  /** Segments are joined with '|' here; the examples are those of Kafka's own parser tests. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = ' ',
      quoteCharacter = '"',
      value = {
        "user_id user_id",
        "device.os device|os",
        "`device.os` device.os",
        "`a.b`.c a.b|c",
        "foo.`bar`.baz foo|bar|baz",
        "foo`bar`baz foo`bar`baz",
        "foo.ba`r.baz foo|ba`r|baz",
        "foo.``bar.baz` foo|`bar.baz",
        "foo.`bar.baz`` foo|bar.baz`",
        "foo.`ba`r.baz` foo|ba`r.baz",
        "foo.``bar``.baz foo|`bar`|baz",
        "``foo.bar.baz`` `foo.bar.baz`",
        "foo.`bar\\`.baz` foo|bar`.baz",
        "foo.`bar.`baz` foo|bar.`baz",
        "foo.`bar\\`.`baz` foo|bar`.`baz",
        "foo.`bar\\\\`.\\`baz` foo|bar\\`.\\`baz",
        "a\\b.c a\\b|c"
      })
  void readsSegmentsAsKafkaDoes(String text, String joinedSegments) {
    assertThat(FieldPath.parse(text).segments()).containsExactly(joinedSegments.split("\\|", -1));
  }

  @Test
  void keepsWhitespaceInNamesLiterally() {
    assertThat(FieldPath.parse(" a . b").segments()).containsExactly(" a ", " b");
  }

  @ParameterizedTest
  @ValueSource(strings = {"`foo.bar.baz", "foo.`bar.baz", "foo.bar.`baz", "foo.bar.`baz\\`", "`"})
  void rejectsAnUnclosedQuote(String text) {
    assertThatThrownBy(() -> FieldPath.parse(text))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'" + text + "'")
        .hasMessageContaining("never closed");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a..b", ".a", "a.", ".", "``", "a.``.b", "`a`."})
  void rejectsEmptyFieldNames(String text) {
    assertThatThrownBy(() -> FieldPath.parse(text))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'" + text + "'")
        .hasMessageContaining("empty field name at position");
  }

  @Test
  void rejectsAnEmptyPath() {
    assertThatThrownBy(() -> FieldPath.parse(""))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("needs at least one field name");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ' ',
      value = {
        "a.b.c",
        "`a.b`.c",
        "``a`.b",
        "`bar\\`.baz`",
        "`a.b``",
        "foo`bar"
      })
  void writesCanonicalTextBack(String canonical) {
    assertThat(FieldPath.parse(canonical)).hasToString(canonical);
  }

  @ParameterizedTest(name = "{0} is written as {1}")
  @CsvSource(
      delimiter = ' ',
      value = {"`a`.b a.b", "`a\\b`.c a\\b.c"})
  void quotesOnlyWhereNeeded(String text, String canonical) {
    assertThat(FieldPath.parse(text)).hasToString(canonical);
  }
}
