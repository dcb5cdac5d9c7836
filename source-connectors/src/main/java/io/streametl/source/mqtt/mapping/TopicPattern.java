package io.streametl.source.mqtt.mapping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Names the levels of MQTT topics, like {@code devices/{site}/{device_type}/{device_id}/telemetry}:
 * a level is a name in braces (captured), a literal (must be equal), {@code +} (any, not captured)
 * or a last {@code #} (any number of remaining levels). A topic that does not fit has no values.
 */
public final class TopicPattern {

  /** Names the templates reserve for themselves. */
  static final Set<String> RESERVED = Set.of(TopicTemplate.TOPIC, TopicTemplate.LEVEL);
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** Matches any topic and names nothing: what an empty mqtt.topic.pattern means. */
  public static final TopicPattern NONE = new TopicPattern("", List.of(), true);

  private final String text;
  /** Per level: "{name}", a literal, "+", or a last "#". */
  private final List<String> levels;
  private final boolean matchesAll;
  private final Set<String> names = new LinkedHashSet<>();

  private TopicPattern(String text, List<String> levels, boolean matchesAll) {
    this.text = text;
    this.levels = levels;
    this.matchesAll = matchesAll;
    for (String level : levels) {
      if (isName(level)) {
        names.add(level.substring(1, level.length() - 1));
      }
    }
  }

  /**
   * @param text empty for {@link #NONE}
   * @throws IllegalArgumentException with what is wrong
   */
  public static TopicPattern parse(String text) {
    if (text == null || text.isEmpty()) {
      return NONE;
    }
    String[] parts = text.split("/", -1);
    List<String> levels = new ArrayList<>(parts.length);
    Set<String> seen = new LinkedHashSet<>();
    for (int i = 0; i < parts.length; i++) {
      String level = parts[i];
      if (level.equals("#")) {
        if (i != parts.length - 1) {
          throw new IllegalArgumentException("'" + text + "': '#' may only be the last level");
        }
      } else if (level.startsWith("{") || level.endsWith("}")) {
        String name = level.length() >= 2 && level.startsWith("{") && level.endsWith("}")
            ? level.substring(1, level.length() - 1) : "";
        if (!NAME.matcher(name).matches()) {
          throw new IllegalArgumentException("'" + text + "': level '" + level + "' must be a whole"
              + " level {name}, the name from A-Z a-z 0-9 _ (not starting with a digit)");
        }
        if (RESERVED.contains(name)) {
          throw new IllegalArgumentException("'" + text + "': {" + name + "} is reserved; use"
              + " another name");
        }
        if (!seen.add(name)) {
          throw new IllegalArgumentException("'" + text + "' names {" + name + "} twice");
        }
      } else if (level.contains("#") || (level.contains("+") && !level.equals("+"))
          || level.contains("{") || level.contains("}")) {
        throw new IllegalArgumentException("'" + text + "': level '" + level + "' must be a"
            + " literal, {name}, + or a last #");
      }
      levels.add(level);
    }
    return new TopicPattern(text, List.copyOf(levels), false);
  }

  private static boolean isName(String level) {
    return level.startsWith("{") && level.endsWith("}");
  }

  /** The names in braces, in order. */
  public Set<String> names() {
    return names;
  }

  /** The topic's variables, or throws when the topic does not fit the pattern. */
  public TopicVariables match(String topic) throws MappingException {
    if (matchesAll) {
      return new TopicVariables(topic, Map.of());
    }
    String[] parts = topic.split("/", -1);
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < levels.size(); i++) {
      String level = levels.get(i);
      if (level.equals("#")) {
        return new TopicVariables(topic, values);
      }
      if (i >= parts.length) {
        throw mismatch(topic);
      }
      if (isName(level)) {
        values.put(level.substring(1, level.length() - 1), parts[i]);
      } else if (!level.equals("+") && !level.equals(parts[i])) {
        throw mismatch(topic);
      }
    }
    if (parts.length != levels.size()) {
      throw mismatch(topic);
    }
    return new TopicVariables(topic, values);
  }

  private MappingException mismatch(String topic) {
    return new MappingException("MQTT topic '" + topic + "' does not match mqtt.topic.pattern '"
        + text + "'");
  }

  @Override
  public String toString() {
    return text;
  }
}
