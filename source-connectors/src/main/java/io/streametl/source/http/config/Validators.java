package io.streametl.source.http.config;

import com.fasterxml.jackson.core.JsonPointer;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * The checks of the HTTP source's settings. Each parser is used both by the ConfigDef validators
 * and by the config classes, so validation and start-up cannot disagree.
 */
public final class Validators {

  private static final Pattern TOPIC_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
  /** RFC 9110 token characters: what a header name may contain. */
  private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
  private static final Pattern PARAM_NAME = Pattern.compile("[^\\s&=#]+");

  private Validators() {}

  /** Why {@code text} is not a JSON Pointer (RFC 6901), or empty if it is one ("" is the root). */
  public static Optional<String> pointerProblem(String text) {
    try {
      JsonPointer.compile(text);
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of("'" + text + "' is not a JSON Pointer: it must be empty (the whole"
          + " body) or start with '/', like /data/items");
    }
  }

  /** Why {@code text} is not an absolute http or https URL, or empty if it is one. */
  public static Optional<String> absoluteUrlProblem(String text) {
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        return Optional.of("'" + text + "' must be an absolute http:// or https:// URL");
      }
      if (uri.getHost() == null || uri.getHost().isEmpty()) {
        return Optional.of("'" + text + "' has no host");
      }
      return Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.of("'" + text + "' is not a URL: " + e.getReason() + " at index " + e.getIndex()
          + " (characters such as spaces must be percent-encoded)");
    }
  }

  public static Optional<String> topicProblem(String topic) {
    if (!TOPIC_NAME.matcher(topic).matches() || topic.equals(".") || topic.equals("..")) {
      return Optional.of("'" + topic + "' is not a Kafka topic name: 1 to 249 characters from"
          + " a-z A-Z 0-9 . _ -");
    }
    return Optional.empty();
  }

  public static boolean isHeaderName(String name) {
    return HEADER_NAME.matcher(name).matches();
  }

  static ConfigDef.Validator pointer() {
    return ConfigDef.LambdaValidator.with(
        (name, value) -> pointerProblem(value == null ? "" : value.toString())
            .ifPresent(problem -> {
              throw new ConfigException(name, value, problem);
            }),
        () -> "empty (the whole body) or a JSON Pointer such as /data/items");
  }

  static ConfigDef.Validator optionalAbsoluteUrl() {
    return ConfigDef.LambdaValidator.with(
        (name, value) -> {
          if (value != null && !value.toString().isEmpty()) {
            absoluteUrlProblem(value.toString()).ifPresent(problem -> {
              throw new ConfigException(name, value, problem);
            });
          }
        },
        () -> "empty or an absolute http(s) URL");
  }

  /** A query parameter name; empty allowed when {@code optional}. */
  static ConfigDef.Validator paramName(boolean optional) {
    return ConfigDef.LambdaValidator.with(
        (name, value) -> {
          String text = value == null ? "" : value.toString();
          if (text.isEmpty() ? !optional : !PARAM_NAME.matcher(text).matches()) {
            throw new ConfigException(name, value, optional
                ? "must be empty or a query parameter name without spaces, '&', '=' or '#'"
                : "must be a query parameter name without spaces, '&', '=' or '#'");
          }
        },
        () -> optional ? "empty or a query parameter name" : "a query parameter name");
  }

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
}
