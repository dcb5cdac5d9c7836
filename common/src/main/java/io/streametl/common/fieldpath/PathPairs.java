package io.streametl.common.fieldpath;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/**
 * Splits the {@code a:b} entries of list configs in which one side is a field path, such as
 * {@code plan_name:_plan.name} or {@code _meta.env:prod}. A quoted path may itself contain
 * colons ({@code `ns:id`:x}), so a path ends at the first colon outside backticks, found with the
 * same parser {@link FieldPath#parse} uses. So a name with a colon must be quoted in such
 * entries ({@code `ns:id`}), a quoted name cannot contain a backtick followed by a colon, and no
 * space may stand between a closing backtick and the colon.
 */
public final class PathPairs {

  private static final char SEPARATOR = ':';

  private PathPairs() {}

  /**
   * Reads {@code path:text}: the path is the shortest prefix before a colon that parses as a
   * field path; the text is everything after that colon, colons included, and may be empty.
   *
   * @param example a valid entry, shown in the error message
   * @throws ConfigException naming the entry when no prefix before a colon is a valid path
   */
  public static Map.Entry<FieldPath, String> pathThenText(String entry, String example) {
    int colon = entry.indexOf(SEPARATOR);
    ConfigException last = null;
    while (colon >= 0) {
      String prefix = entry.substring(0, colon).stripLeading();
      // Spaces before the colon are dropped, except after a backtick: there they may be inside
      // a quoted name that is not closed yet, so the colon would be inside it too.
      String pathText = prefix.stripTrailing().endsWith("`") ? prefix : prefix.stripTrailing();
      try {
        FieldPath path = FieldPath.parse(pathText);
        return Map.entry(path, entry.substring(colon + 1).trim());
      } catch (ConfigException e) {
        last = e;
      }
      colon = entry.indexOf(SEPARATOR, colon + 1);
    }
    throw new ConfigException(
        "Invalid entry '" + entry + "': expected path:text, e.g. " + example
            + (last == null ? "" : "; " + last.getMessage()));
  }

  /**
   * Reads {@code text:path}: the text is everything before the first colon (it cannot contain a
   * colon) and must not be empty; the rest is the path.
   *
   * @param example a valid entry, shown in the error message
   * @throws ConfigException naming the entry when there is no colon, the text is empty or the
   *     path is invalid
   */
  public static Map.Entry<String, FieldPath> textThenPath(String entry, String example) {
    int colon = entry.indexOf(SEPARATOR);
    if (colon <= 0 || entry.substring(0, colon).isBlank()) {
      throw new ConfigException(
          "Invalid entry '" + entry + "': expected name:path, e.g. " + example);
    }
    try {
      return Map.entry(
          entry.substring(0, colon).trim(), FieldPath.parse(entry.substring(colon + 1).trim()));
    } catch (ConfigException e) {
      throw new ConfigException("Invalid entry '" + entry + "': " + e.getMessage());
    }
  }
}
