package io.streametl.source.mqtt.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * An MQTT topic filter as users write it (never with the {@code $share/} prefix, which the tasks
 * add for a shared group), with the syntax checks of MQTT 3.1.1 and 5 (section 4.7).
 */
public final class TopicFilter {

  /** The prefix of a shared subscription's filter: {@code $share/<group>/<filter>}. */
  public static final String SHARE_PREFIX = "$share/";

  private final String text;
  private final List<String> levels;

  private TopicFilter(String text) {
    this.text = text;
    this.levels = Arrays.asList(text.split("/", -1));
  }

  /** @throws IllegalArgumentException with what is wrong, see {@link #problem(String)} */
  public static TopicFilter parse(String text) {
    problem(text).ifPresent(p -> {
      throw new IllegalArgumentException(p);
    });
    return new TopicFilter(text);
  }

  /** Why {@code text} is not a topic filter a user may write, or empty if it is one. */
  public static Optional<String> problem(String text) {
    if (text == null || text.isEmpty()) {
      return Optional.of("an empty topic filter matches nothing");
    }
    if (text.startsWith(SHARE_PREFIX)) {
      return Optional.of("'" + text + "': write the filter without $share/; set"
          + " mqtt.shared.group for shared subscriptions");
    }
    if (text.indexOf('\u0000') >= 0) {
      return Optional.of("'" + text + "' contains a NUL character");
    }
    String[] levels = text.split("/", -1);
    for (int i = 0; i < levels.length; i++) {
      String level = levels[i];
      if (level.contains("#") && (!level.equals("#") || i != levels.length - 1)) {
        return Optional.of("'" + text + "': '#' must be the last level and alone in it"
            + " (like a/b/#)");
      }
      if (level.contains("+") && !level.equals("+")) {
        return Optional.of("'" + text + "': '+' must be alone in its level (like a/+/c)");
      }
    }
    return Optional.empty();
  }

  public String text() {
    return text;
  }

  /** The filter to subscribe to: itself, or {@code $share/<group>/<filter>} with a group. */
  public String subscription(String sharedGroup) {
    return sharedGroup.isEmpty() ? text : SHARE_PREFIX + sharedGroup + "/" + text;
  }

  /** Whether some topic could match both filters (so two tasks would receive it twice). */
  public boolean overlaps(TopicFilter other) {
    return overlap(levels, 0, other.levels, 0);
  }

  private static boolean overlap(List<String> a, int i, List<String> b, int j) {
    boolean aDone = i == a.size();
    boolean bDone = j == b.size();
    if (aDone && bDone) {
      return true;
    }
    // '#' also matches the parent level: a/# matches a.
    if (aDone) {
      return b.get(j).equals("#");
    }
    if (bDone) {
      return a.get(i).equals("#");
    }
    String x = a.get(i);
    String y = b.get(j);
    if (x.equals("#") || y.equals("#")) {
      return true;
    }
    if (x.equals("+") || y.equals("+") || x.equals(y)) {
      return overlap(a, i + 1, b, j + 1);
    }
    return false;
  }

  /** Whether {@code topic} matches this filter (for tests and the demo; brokers do the routing). */
  public boolean matches(String topic) {
    String[] topicLevels = topic.split("/", -1);
    for (int i = 0; i < levels.size(); i++) {
      String level = levels.get(i);
      if (level.equals("#")) {
        return true;
      }
      if (i >= topicLevels.length || (!level.equals("+") && !level.equals(topicLevels[i]))) {
        return false;
      }
    }
    return topicLevels.length == levels.size();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TopicFilter && ((TopicFilter) o).text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
