package io.streametl.common.fieldpath;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Pairs of a path and a text split back into the same path and text, whatever they hold. */
class PathPairsPropertiesTest {

  @Property(tries = 2000)
  void pathThenTextReadsBackAnyPathAndText(
      @ForAll("paths") FieldPath path, @ForAll("texts") String text) {
    Map.Entry<FieldPath, String> pair = PathPairs.pathThenText(path + ":" + text, "a:b");

    assertThat(pair.getKey()).isEqualTo(path);
    assertThat(pair.getValue()).isEqualTo(text.trim());
  }

  @Property(tries = 2000)
  void textThenPathReadsBackAnyNameAndPath(
      @ForAll("names") String name, @ForAll("paths") FieldPath path) {
    Map.Entry<String, FieldPath> pair = PathPairs.textThenPath(name + ":" + path, "a:b");

    assertThat(pair.getKey()).isEqualTo(name.trim());
    assertThat(pair.getValue()).isEqualTo(path);
  }

  @Provide
  Arbitrary<FieldPath> paths() {
    // Names rich in the characters that matter: dots, backticks, colons, backslashes.
    Arbitrary<String> segment = Arbitraries.strings().withChars("ab.:`\\ -").ofMinLength(1).ofMaxLength(6)
        .filter(s -> FieldPathSyntax.whyNotWritable(s).isEmpty())
        // A name with surrounding spaces would be trimmed away from the entry.
        .filter(s -> s.equals(s.trim()))
        // The documented limits: FieldPath.toString leaves a name with a colon unquoted (an
        // entry needs it quoted), and a backtick followed by a colon would end a quoted name.
        .filter(s -> !s.contains(":") || needsQuoting(s))
        .filter(s -> !s.contains("`:"));
    return segment.list().ofMinSize(1).ofMaxSize(3).map(FieldPath::of);
  }

  private static boolean needsQuoting(String segment) {
    return segment.startsWith("`") || segment.contains(".");
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.strings().withChars("xy:. `,").ofMaxLength(8);
  }

  @Provide
  Arbitrary<String> names() {
    return Arbitraries.strings().withChars("xy-_. ").ofMinLength(1).ofMaxLength(6)
        .filter(s -> !s.isBlank());
  }
}
