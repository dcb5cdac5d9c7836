package io.streametl.source.mqtt.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A setting such as {@code iot.${device_type}} filled from a message's topic: {@code ${topic}} (the
 * whole MQTT topic), {@code ${level.N}} (its 0-based level N) and {@code ${name}} (a level named in
 * mqtt.topic.pattern). Placeholders with a colon ({@code ${env:X}}, {@code ${file:path:key}}) are
 * Connect config providers, resolved by the worker before the connector sees the value.
 */
public final class TopicTemplate {

  static final String TOPIC = "topic";
  static final String LEVEL = "level";

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]*)}");
  private static final Pattern LEVEL_N = Pattern.compile("level\\.([0-9]{1,4})");

  private final String text;
  /** Per part: a literal String, or a Variable. */
  private final List<Object> parts;

  private record Variable(String name, int level) {}

  private TopicTemplate(String text, List<Object> parts) {
    this.text = text;
    this.parts = parts;
  }

  /**
   * @param names the names mqtt.topic.pattern defines
   * @throws IllegalArgumentException naming the first unknown variable
   */
  public static TopicTemplate parse(String text, Set<String> names) {
    List<Object> parts = new ArrayList<>();
    Matcher matcher = PLACEHOLDER.matcher(text);
    int end = 0;
    while (matcher.find()) {
      String name = matcher.group(1);
      if (matcher.start() > end) {
        parts.add(text.substring(end, matcher.start()));
      }
      Matcher level = LEVEL_N.matcher(name);
      if (name.equals(TOPIC)) {
        parts.add(new Variable(TOPIC, -1));
      } else if (level.matches()) {
        parts.add(new Variable(LEVEL, Integer.parseInt(level.group(1))));
      } else if (names.contains(name)) {
        parts.add(new Variable(name, -1));
      } else {
        throw new IllegalArgumentException("unknown variable ${" + name + "}: use ${topic},"
            + " ${level.N} (N from 0) or a {name} of mqtt.topic.pattern"
            + (names.isEmpty() ? " (which names none)" : " " + names));
      }
      end = matcher.end();
    }
    if (end < text.length()) {
      parts.add(text.substring(end));
    }
    return new TopicTemplate(text, List.copyOf(parts));
  }

  public boolean isEmpty() {
    return text.isEmpty();
  }

  /** Whether the result depends on the message (so it cannot be checked up front). */
  public boolean isConstant() {
    return parts.stream().noneMatch(p -> p instanceof Variable);
  }

  public String render(TopicVariables variables) throws MappingException {
    if (parts.size() == 1 && parts.get(0) instanceof String) {
      return (String) parts.get(0);
    }
    StringBuilder out = new StringBuilder(text.length() + 32);
    for (Object part : parts) {
      if (part instanceof String) {
        out.append((String) part);
        continue;
      }
      Variable variable = (Variable) part;
      String value;
      if (variable.name.equals(TOPIC) && variable.level < 0) {
        value = variables.topic();
      } else if (variable.level >= 0) {
        value = variables.level(variable.level);
        if (value == null) {
          throw new MappingException("MQTT topic '" + variables.topic() + "' has no level "
              + variable.level + " for ${level." + variable.level + "} in '" + text + "'");
        }
      } else {
        value = variables.named(variable.name);
        if (value == null) {
          // A '#' in the pattern can leave a name before it unmatched only if the topic is short.
          throw new MappingException("MQTT topic '" + variables.topic() + "' has no value for ${"
              + variable.name + "} in '" + text + "'");
        }
      }
      out.append(value);
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return text;
  }
}
