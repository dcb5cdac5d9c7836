package io.streametl.source.http.config;

import java.util.Arrays;
import java.util.Locale;
import org.apache.kafka.common.config.ConfigDef;

/** Enum-valued settings: the lowercase config value of each constant, and a parser for it. */
final class Choice {

  private Choice() {}

  static <E extends Enum<E>> String value(E constant) {
    return constant.name().toLowerCase(Locale.ROOT);
  }

  static <E extends Enum<E>> String[] values(Class<E> type) {
    return Arrays.stream(type.getEnumConstants()).map(Choice::value).toArray(String[]::new);
  }

  /** Accepts the constants' names in any case; documented in declaration order, lowercase. */
  static <E extends Enum<E>> ConfigDef.Validator validator(Class<E> type) {
    ConfigDef.Validator check = ConfigDef.CaseInsensitiveValidString.in(values(type));
    return ConfigDef.LambdaValidator.with(check::ensureValid,
        () -> "one of " + String.join(", ", values(type)) + " (any case)");
  }

  static <E extends Enum<E>> E parse(Class<E> type, String value) {
    return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
  }
}
