package io.streametl.common.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;

/**
 * One thing wrong with a configuration, at the key the user has to change: a connector's
 * {@code validate()} attaches each to its key ({@link #attachAll}), {@code start()} fails on the
 * first ({@link #toException}).
 */
public record ConfigProblem(String key, String message) {

  public ConfigException toException() {
    return new ConfigException(key + ": " + message);
  }

  /** True when ConfigDef's own checks found nothing, so cross-setting checks can run. */
  public static boolean noErrors(Config validated) {
    return validated.configValues().stream().allMatch(v -> v.errorMessages().isEmpty());
  }

  /**
   * The validation result with each problem attached to its key (a key ConfigDef does not know,
   * such as a per-endpoint one, gets an entry of its own), each message once.
   */
  public static Config attachAll(Config validated, Map<String, String> props,
      Collection<ConfigProblem> problems) {
    Map<String, ConfigValue> values = new LinkedHashMap<>();
    validated.configValues().forEach(value -> values.put(value.name(), value));
    for (ConfigProblem problem : problems) {
      ConfigValue value = values.computeIfAbsent(problem.key(),
          key -> new ConfigValue(key, props.get(key), new ArrayList<>(), new ArrayList<>()));
      if (!value.errorMessages().contains(problem.message())) {
        value.addErrorMessage(problem.message());
      }
    }
    return new Config(new ArrayList<>(values.values()));
  }
}
