package io.streametl.common.fieldpath;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class FieldPathValidatorTest {

  private static final ConfigDef DEF =
      new ConfigDef()
          .define(
              "fields.required",
              ConfigDef.Type.LIST,
              "",
              FieldPathValidator.list(),
              ConfigDef.Importance.HIGH,
              "paths")
          .define(
              "topic.field",
              ConfigDef.Type.STRING,
              "_source_topic",
              FieldPathValidator.optionalSingle(),
              ConfigDef.Importance.HIGH,
              "path");

  @Test
  void acceptsValidPathsAndEmptyValues() {
    assertThatCode(
            () ->
                DEF.parse(
                    java.util.Map.of(
                        "fields.required", "user_id, device.os,`a.b`.c", "topic.field", "")))
        .doesNotThrowAnyException();
  }

  @Test
  void namesTheConfigAndTheBadPathInAList() {
    assertThatThrownBy(() -> DEF.parse(java.util.Map.of("fields.required", "user_id,device..os")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("fields.required")
        .hasMessageContaining("'device..os'")
        .hasMessageContaining("empty field name");
  }

  @Test
  void namesTheConfigAndTheBadPathForASinglePath() {
    assertThatThrownBy(() -> DEF.parse(java.util.Map.of("topic.field", "`_meta.topic")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("topic.field")
        .hasMessageContaining("never closed");
  }

  @Test
  void rejectsExactlyWhatTheParserRejects() {
    ConfigDef.Validator validator = FieldPathValidator.list();
    for (String text : List.of("a.", "`a", "a..b", ".")) {
      assertThatThrownBy(() -> FieldPath.parse(text)).isInstanceOf(ConfigException.class);
      assertThatThrownBy(() -> validator.ensureValid("k", List.of(text)))
          .isInstanceOf(ConfigException.class);
    }
  }
}
