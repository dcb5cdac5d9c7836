package io.streametl.smt.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streametl.common.fieldpath.FieldPath;
import io.streametl.common.fieldpath.FieldValue;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rule kinds beyond required and type, each on its own. */
class MoreFieldRulesTest {

  private static Optional<String> check(FieldRule rule, Object value) {
    return rule.violation(FieldValue.present(value), ValueForm.MAP);
  }

  private static void passesAbsentAndNull(FieldRule rule) {
    assertThat(rule.violation(FieldValue.absent("missing"), ValueForm.MAP)).isEmpty();
    assertThat(rule.violation(FieldValue.present(null), ValueForm.STRUCT)).isEmpty();
  }

  @Test
  void notNullAllowsAbsenceButNotNull() {
    NotNullRule rule = new NotNullRule(FieldPath.parse("device.os"));

    assertThat(rule.violation(FieldValue.absent("missing"), ValueForm.MAP)).isEmpty();
    assertThat(rule.violation(FieldValue.present(null), ValueForm.MAP))
        .contains("field 'device.os' must not be null");
    assertThat(check(rule, "ios")).isEmpty();
  }

  @Test
  void rangeComparesEveryNumericTypeExactly() {
    RangeRule rule = RangeRule.parse("amount:0..100.5");

    assertThat(check(rule, 0)).isEmpty();
    assertThat(check(rule, 100L)).isEmpty();
    assertThat(check(rule, new BigDecimal("100.50"))).isEmpty();
    assertThat(check(rule, 100.5f)).isEmpty();
    assertThat(check(rule, 100.51)).contains("field 'amount' must be between 0 and 100.5 but is greater");
    assertThat(check(rule, (byte) -1)).contains("field 'amount' must be between 0 and 100.5 but is less");
    assertThat(check(rule, Double.NaN))
        .contains("field 'amount' must be a number between 0 and 100.5 but is not a finite number");
    assertThat(check(rule, "50")).contains("field 'amount' must be a number between 0 and 100.5 but is a string");
    passesAbsentAndNull(rule);
  }

  @Test
  void rangeBoundsMayBeOpen() {
    assertThat(check(RangeRule.parse("amount:10.."), 9)).contains("field 'amount' must be at least 10 but is less");
    assertThat(check(RangeRule.parse("amount:..-1"), 0)).contains("field 'amount' must be at most -1 but is greater");
    assertThat(check(RangeRule.parse("`a:b`:1..2"), 2)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "amount|expected path:min..max",
    "amount:..|give a minimum, a maximum or both",
    "amount:5..1|the minimum is greater than the maximum",
    "amount:x..1|'x' is not a decimal number"})
  void rangeRejectsBadEntries(String entry, String expected) {
    assertThatThrownBy(() -> RangeRule.parse(entry))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("Invalid range rule '" + entry + "'")
        .hasMessageContaining(expected);
  }

  @Test
  void regexMustMatchTheWholeStringAndMayContainColons() {
    RegexRule rule = RegexRule.parse("event_id:e-[0-9]+");
    RegexRule withColon = RegexRule.parse("url:https?://[a-z.]+(:[0-9]+)?");

    assertThat(check(rule, "e-1001")).isEmpty();
    assertThat(check(rule, "xe-1001")).contains("field 'event_id' must match e-[0-9]+");
    assertThat(check(rule, 1001)).contains("field 'event_id' must be a string matching e-[0-9]+ but is an int32");
    assertThat(check(withColon, "http://example.com:8080")).isEmpty();
    passesAbsentAndNull(rule);
  }

  @Test
  void regexRejectsAnInvalidPatternAtConfigTime() {
    assertThatThrownBy(() -> RegexRule.parse("event_id:e-[0-9"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("Invalid regex rule 'event_id:e-[0-9'")
        .hasMessageContaining("Unclosed character class");
    assertThatThrownBy(() -> RegexRule.parse("event_id:"))
        .hasMessageContaining("the regex is empty");
  }

  @Test
  void enumComparesByText() {
    EnumRule rule = EnumRule.parse("plan:free|pro|team");
    EnumRule numbers = EnumRule.parse("version:1|2");

    assertThat(check(rule, "pro")).isEmpty();
    assertThat(check(rule, "enterprise")).contains("field 'plan' must be one of free, pro, team");
    assertThat(check(numbers, 2L)).isEmpty();
    assertThat(check(numbers, new BigDecimal("1.00"))).isEmpty();
    assertThat(check(numbers, 3)).contains("field 'version' must be one of 1, 2");
    assertThat(check(rule, List.of("pro"))).contains("field 'plan' must be one of free, pro, team but is an array");
    passesAbsentAndNull(rule);
  }

  @Test
  void enumRejectsEmptyValues() {
    assertThatThrownBy(() -> EnumRule.parse("plan:free||pro"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("empty value");
  }

  @Test
  void maxLengthCountsCharactersBytesAndElements() {
    MaxLengthRule rule = MaxLengthRule.parse("name:3");

    assertThat(check(rule, "日本語")).isEmpty();
    assertThat(check(rule, "😀😀😀")).as("code points, not UTF-16 units").isEmpty();
    assertThat(check(rule, "abcd")).contains("field 'name' must be at most 3 characters long but is longer");
    assertThat(check(rule, "abcd".getBytes(StandardCharsets.UTF_8)))
        .contains("field 'name' must be at most 3 bytes long but is longer");
    assertThat(check(rule, List.of(1, 2, 3, 4))).contains("field 'name' must be at most 3 elements long but is longer");
    assertThat(check(rule, 12345)).contains("field 'name' must be a string, bytes or an array of at most 3 but is an int32");
    passesAbsentAndNull(rule);
  }

  @Test
  void maxLengthRejectsBadLengths() {
    assertThatThrownBy(() -> MaxLengthRule.parse("name:-1")).hasMessageContaining("must not be negative");
    assertThatThrownBy(() -> MaxLengthRule.parse("name:ten")).hasMessageContaining("'ten' is not a whole number");
    assertThatThrownBy(() -> MaxLengthRule.parse("name")).hasMessageContaining("expected path:length");
  }
}
