package io.streametl.common.fieldpath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FieldPathTest {

  @Test
  void isAValueComparedBySegments() {
    assertThat(FieldPath.parse("`device`.os")).isEqualTo(FieldPath.of("device", "os"));
    assertThat(FieldPath.parse("device.os")).hasSameHashCodeAs(FieldPath.of("device", "os"));
    assertThat(FieldPath.parse("device.os")).isNotEqualTo(FieldPath.of("device.os"));
  }

  @Test
  void exposesItsParts() {
    FieldPath path = FieldPath.parse("device.app_version");

    assertThat(path.leaf()).isEqualTo("app_version");
    assertThat(path.isNested()).isTrue();
    assertThat(path.parent()).contains(FieldPath.of("device"));
    assertThat(FieldPath.of("device").parent()).isEmpty();
    assertThat(FieldPath.of("device").child("os")).isEqualTo(FieldPath.of("device", "os"));
  }

  @Test
  void segmentsCannotBeModified() {
    List<String> segments = FieldPath.parse("a.b").segments();

    assertThatThrownBy(() -> segments.add("c")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void knowsWhichPathsOverlap() {
    FieldPath meta = FieldPath.parse("_meta");
    FieldPath metaTopic = FieldPath.parse("_meta.topic");

    assertThat(meta.isPrefixOf(metaTopic)).isTrue();
    assertThat(metaTopic.isPrefixOf(meta)).isFalse();
    assertThat(metaTopic.overlaps(meta)).isTrue();
    assertThat(metaTopic.overlaps(metaTopic)).isTrue();
    assertThat(metaTopic.overlaps(FieldPath.parse("_meta.partition"))).isFalse();
    assertThat(FieldPath.parse("_met").overlaps(meta)).isFalse();
  }

  @Test
  void rejectsNamesThePathSyntaxCannotWrite() {
    assertThatThrownBy(() -> FieldPath.of("a.b\\"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ends with a backslash");
    assertThatThrownBy(() -> FieldPath.of("a", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must not be null or empty");
    assertThatThrownBy(() -> FieldPath.of(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void acceptsATrailingBackslashWhereNoQuotingIsNeeded() {
    assertThat(FieldPath.of("dir\\", "x")).hasToString("dir\\.x");
  }

  @Test
  void parsesListsInOrder() {
    assertThat(FieldPath.parseAll(List.of("user_id", "`a.b`.c")))
        .containsExactly(FieldPath.of("user_id"), FieldPath.of("a.b", "c"));
  }
}
