package io.streametl.source.mqtt.mapping;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** A string field added to every value, like {@code site=${site}}: a name and a template. */
public record RecordField(String name, TopicTemplate template) {

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /**
   * Parses the entries of record.fields.
   *
   * @throws IllegalArgumentException naming the entry at fault
   */
  public static List<RecordField> parseAll(List<String> entries, Set<String> names) {
    List<RecordField> fields = new ArrayList<>(entries.size());
    Set<String> seen = new HashSet<>();
    for (String entry : entries) {
      int eq = entry.indexOf('=');
      String name = eq < 0 ? "" : entry.substring(0, eq).trim();
      if (eq < 0 || !NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("'" + entry + "' must be field=template, like"
            + " site=${site}; the field name from A-Z a-z 0-9 _");
      }
      if (!seen.add(name)) {
        throw new IllegalArgumentException("sets field '" + name + "' twice");
      }
      try {
        fields.add(new RecordField(name, TopicTemplate.parse(entry.substring(eq + 1).trim(), names)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("'" + entry + "': " + e.getMessage());
      }
    }
    return List.copyOf(fields);
  }
}
