package io.streametl.common.config;

import java.util.Arrays;
import java.util.Locale;
import org.apache.kafka.common.config.ConfigDef;

/**
 * Enum-valued settings: each constant's lowercase name is its config value, accepted in any case
 * and documented in declaration order.
 */
public final class EnumChoices {

  private EnumChoices() {}

  public static <E extends Enum<E>> String value(E constant) {
    return constant.name().toLowerCase(Locale.ROOT);
  }

  public static <E extends Enum<E>> String[] values(Class<E> type) {
    return Arrays.stream(type.getEnumConstants()).map(EnumChoices::value).toArray(String[]::new);
  }

  public static <E extends Enum<E>> ConfigDef.Validator validator(Class<E> type) {
    ConfigDef.Validator check = ConfigDef.CaseInsensitiveValidString.in(values(type));
    return ConfigDef.LambdaValidator.with(check::ensureValid,
        () -> "one of " + String.join(", ", values(type)) + " (any case)");
  }

  public static <E extends Enum<E>> E parse(Class<E> type, String value) {
    return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
  }
}
