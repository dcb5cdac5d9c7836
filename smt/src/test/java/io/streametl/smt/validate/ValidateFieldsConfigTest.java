package io.streametl.smt.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streametl.common.fieldpath.FieldPath;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValidateFieldsConfigTest {

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "fields.required|user_id,device..os|'device..os': empty field name at position 7",
        "fields.required|`device.os|never closed",
        "fields.types|amount:float|unknown type 'float'; use one of: string, boolean, int",
        "fields.types|amount|expected path:type, e.g. amount:number",
        "fields.types|:number|needs at least one field name",
        "fields.types|amount:|unknown type ''"
      })
  void validationAndConfigureRejectTheSameValueWithTheSameMessage(
      String key, String value, String expected) {
    Map<String, String> props = Map.of(key, value);

    List<String> validationErrors = errorsOf(key, props);
    assertThat(validationErrors).singleElement().asString().contains(expected).contains(key);
    assertThatThrownBy(() -> new ValidateFields.Value<>().configure(props))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(expected)
        .hasMessageContaining(key);
  }

  @Test
  void acceptsPathsWithColonsInTypeRules() {
    FieldTypeRule rule = FieldTypeRule.parse("`ns:amount` : decimal");

    assertThat(rule.path()).isEqualTo(FieldPath.of("ns:amount"));
    assertThat(rule.type()).isEqualTo(FieldType.DECIMAL);
  }

  @Test
  void refusesAConfigWithoutRules() {
    assertThatThrownBy(() -> new ValidateFields.Value<>().configure(Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("no rules")
        .hasMessageContaining("fields.required")
        .hasMessageContaining("fields.types");
  }

  @Test
  void acceptsAValidConfig() {
    Map<String, String> props =
        Map.of("fields.required", "event_id, user_id", "fields.types", "amount:number");

    assertThat(errorsOf("fields.required", props)).isEmpty();
    assertThat(errorsOf("fields.types", props)).isEmpty();
  }

  private static List<String> errorsOf(String key, Map<String, String> props) {
    Optional<ConfigValue> value =
        ValidateFields.CONFIG_DEF.validate(props).stream()
            .filter(v -> v.name().equals(key))
            .findFirst();
    return value.orElseThrow().errorMessages();
  }
}
