package io.streametl.smt.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streametl.smt.SubscriptionEvents;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FieldTypeTest {

  static Stream<Arguments> acceptedValues() {
    return Stream.of(
        Arguments.of(FieldType.STRING, "pro", ValueForm.STRUCT),
        Arguments.of(FieldType.BOOLEAN, true, ValueForm.MAP),
        Arguments.of(FieldType.INT, (byte) 1, ValueForm.STRUCT),
        Arguments.of(FieldType.INT, (short) 1, ValueForm.STRUCT),
        Arguments.of(FieldType.INT, 1, ValueForm.STRUCT),
        Arguments.of(FieldType.INT, 1L, ValueForm.MAP),
        Arguments.of(FieldType.INT, BigInteger.ONE, ValueForm.MAP),
        Arguments.of(FieldType.NUMBER, 12.5, ValueForm.MAP),
        Arguments.of(FieldType.NUMBER, 12.5f, ValueForm.STRUCT),
        Arguments.of(FieldType.NUMBER, 12L, ValueForm.MAP),
        Arguments.of(FieldType.NUMBER, new BigDecimal("12.50"), ValueForm.STRUCT),
        Arguments.of(FieldType.DECIMAL, new BigDecimal("12.50"), ValueForm.STRUCT),
        Arguments.of(FieldType.TIMESTAMP, new Date(0), ValueForm.STRUCT),
        Arguments.of(FieldType.TIMESTAMP, new Date(0), ValueForm.MAP),
        Arguments.of(FieldType.TIMESTAMP, "2025-11-21T17:00:00Z", ValueForm.MAP),
        Arguments.of(FieldType.TIMESTAMP, "2025-11-21T17:00:00.123+01:00", ValueForm.MAP),
        Arguments.of(FieldType.STRUCT, SubscriptionEvents.struct(), ValueForm.STRUCT),
        Arguments.of(FieldType.STRUCT, Map.of("os", "ios"), ValueForm.MAP),
        Arguments.of(FieldType.ARRAY, List.of("a"), ValueForm.MAP));
  }

  @ParameterizedTest(name = "{0} accepts {1} in a {2}")
  @MethodSource("acceptedValues")
  void accepts(FieldType type, Object value, ValueForm form) {
    assertThat(type.accepts(value, form)).isTrue();
  }

  static Stream<Arguments> rejectedValues() {
    return Stream.of(
        Arguments.of(FieldType.STRING, 1, ValueForm.MAP),
        Arguments.of(FieldType.BOOLEAN, "true", ValueForm.MAP),
        Arguments.of(FieldType.INT, 1.0, ValueForm.MAP),
        Arguments.of(FieldType.INT, new BigDecimal("1"), ValueForm.STRUCT),
        Arguments.of(FieldType.NUMBER, "12.50", ValueForm.MAP),
        Arguments.of(FieldType.DECIMAL, 12.5, ValueForm.MAP),
        Arguments.of(FieldType.TIMESTAMP, 1_763_744_400_000L, ValueForm.MAP),
        Arguments.of(FieldType.TIMESTAMP, "2025-11-21T17:00:00Z", ValueForm.STRUCT),
        Arguments.of(FieldType.TIMESTAMP, "2025-11-21T17:00:00", ValueForm.MAP),
        Arguments.of(FieldType.TIMESTAMP, "yesterday", ValueForm.MAP),
        Arguments.of(FieldType.STRUCT, List.of(), ValueForm.MAP),
        Arguments.of(FieldType.ARRAY, Map.of(), ValueForm.MAP));
  }

  @ParameterizedTest(name = "{0} rejects {1} in a {2}")
  @MethodSource("rejectedValues")
  void rejects(FieldType type, Object value, ValueForm form) {
    assertThat(type.accepts(value, form)).isFalse();
  }

  @Test
  void explainsARejectedTimestampStringWithoutShowingIt() {
    assertThat(FieldType.TIMESTAMP.describeMismatch("yesterday", ValueForm.MAP))
        .isEqualTo("a string that is not an ISO-8601 date-time with offset");
    assertThat(FieldType.TIMESTAMP.describeMismatch("2025-11-21T17:00:00Z", ValueForm.STRUCT))
        .isEqualTo("a string");
  }

  @Test
  void parsesNamesIgnoringCase() {
    assertThat(FieldType.parse("Timestamp")).isEqualTo(FieldType.TIMESTAMP);
    assertThat(FieldType.parse(" int ")).isEqualTo(FieldType.INT);
    assertThatThrownBy(() -> FieldType.parse("float"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "unknown type 'float'; use one of: string, boolean, int, number, decimal, timestamp,"
                + " struct, array");
  }
}
