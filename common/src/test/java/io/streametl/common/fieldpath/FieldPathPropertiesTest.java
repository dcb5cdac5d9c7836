package io.streametl.common.fieldpath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.apache.kafka.common.config.ConfigException;

class FieldPathPropertiesTest {

  @Property(tries = 3000)
  void parsingTheTextGivesBackTheSegments(@ForAll("writableSegments") List<String> segments) {
    FieldPath path = FieldPath.of(segments);

    FieldPath reparsed = FieldPath.parse(path.toString());

    assertThat(reparsed.segments()).isEqualTo(segments);
    assertThat(reparsed).hasToString(path.toString());
  }

  @Property(tries = 3000)
  void malformedTextFailsOnlyWithAConfigException(@ForAll("pathLikeText") String text) {
    Throwable thrown = catchThrowable(() -> FieldPath.parse(text));

    if (thrown == null) {
      FieldPath path = FieldPath.parse(text);
      assertThat(path.segments()).isNotEmpty().doesNotContain("");
      assertThat(FieldPath.parse(path.toString())).isEqualTo(path);
    } else {
      assertThat(thrown)
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("Invalid field path");
    }
  }

  @Property
  void rejectsQuotedNamesEndingInABackslash(@ForAll("segments") String name) {
    String unwritable = "." + name + "\\";

    assertThatThrownBy(() -> FieldPath.of("x", unwritable))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Provide
  Arbitrary<List<String>> writableSegments() {
    return segments()
        .filter(segment -> FieldPathSyntax.whyNotWritable(segment).isEmpty())
        .list()
        .ofMinSize(1)
        .ofMaxSize(5);
  }

  /** Names rich in the characters the syntax treats specially, plus arbitrary Unicode. */
  @Provide
  Arbitrary<String> segments() {
    Arbitrary<String> tricky =
        Arbitraries.strings().withChars("ab.`\\ :").ofMinLength(1).ofMaxLength(8);
    Arbitrary<String> anything = Arbitraries.strings().ofMinLength(1).ofMaxLength(12);
    return Arbitraries.frequencyOf(Tuple.of(4, tricky), Tuple.of(1, anything));
  }

  @Provide
  Arbitrary<String> pathLikeText() {
    return Arbitraries.strings().withChars("a.`\\").ofMaxLength(10);
  }
}
