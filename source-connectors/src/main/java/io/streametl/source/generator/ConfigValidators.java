package io.streametl.source.generator;

import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** Validators that ConfigDef lacks: finite doubles, an optional long, and Kafka topic names. */
final class ConfigValidators {

  private static final Pattern TOPIC_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

  private ConfigValidators() {}

  /** A finite number in [min, max]. ConfigDef.Range lets NaN through, which would poison the rate. */
  static ConfigDef.Validator finiteBetween(double min, double max) {
    String range = "[" + min + ", " + max + "]";
    return ConfigDef.LambdaValidator.with(
        (name, value) -> {
          double number = ((Number) value).doubleValue();
          if (!(number >= min && number <= max)) {
            throw new ConfigException(name, value, "must be a number in " + range);
          }
        },
        () -> range);
  }

  /** A finite number of at least min. */
  static ConfigDef.Validator finiteAtLeast(double min) {
    return ConfigDef.LambdaValidator.with(
        (name, value) -> {
          double number = ((Number) value).doubleValue();
          if (!(number >= min) || Double.isInfinite(number)) {
            throw new ConfigException(name, value, "must be a finite number of at least " + min);
          }
        },
        () -> "[" + min + ",...]");
  }

  /** Either unset (null) or a long of at least min. */
  static ConfigDef.Validator optionalAtLeast(long min) {
    return ConfigDef.LambdaValidator.with(
        (name, value) -> {
          if (value != null && (Long) value < min) {
            throw new ConfigException(name, value, "must be unset or at least " + min);
          }
        },
        () -> "null or [" + min + ",...]");
  }

  /** A legal Kafka topic name. */
  static ConfigDef.Validator topicName() {
    return ConfigDef.LambdaValidator.with(
        (name, value) -> {
          String topic = (String) value;
          if (topic == null || !TOPIC_NAME.matcher(topic).matches() || topic.equals(".") || topic.equals("..")) {
            throw new ConfigException(
                name, value, "must be a Kafka topic name: 1 to 249 characters from a-z A-Z 0-9 . _ -");
          }
        },
        () -> "a Kafka topic name");
  }
}
