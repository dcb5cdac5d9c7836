package io.streametl.common.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigDef;

/**
 * Renders a plugin's {@link ConfigDef} as a Markdown config reference, so the reference is
 * generated from the definitions Connect validates against and cannot drift from them. Any
 * module's connectors, transforms and predicates can use it; each module writes its pages with a
 * test that also fails when a committed page is stale.
 *
 * <p>Configs are listed by group, in the order the groups were first defined, then by their order
 * in the group; configs without a group come last, by name. The output depends only on the
 * inputs (no dates, no versions), so a committed page changes only when a definition does.
 */
public final class ConfigDocs {

  private static final String NO_GROUP = "Other";

  private ConfigDocs() {}

  /**
   * What one page documents.
   *
   * @param title the page heading, usually the plugin's simple class name
   * @param classNames the classes users put in configs (for a transform, its Key and Value)
   * @param overview what the plugin does; may contain inline HTML such as {@code <code>}
   * @param configDef the definitions to list
   * @param regenerate how to regenerate the page, shown in a comment at its top
   */
  public record Page(
      String title,
      List<String> classNames,
      String overview,
      ConfigDef configDef,
      String regenerate) {

    public Page {
      Objects.requireNonNull(title, "title");
      classNames = List.copyOf(classNames);
      Objects.requireNonNull(overview, "overview");
      Objects.requireNonNull(configDef, "configDef");
      Objects.requireNonNull(regenerate, "regenerate");
    }
  }

  /** The system property that makes {@link #committedText} write the page first. */
  public static final String WRITE_PROPERTY = "streametl.docs.write";

  /**
   * The committed text of a generated page, for the test that keeps the page current. With
   * {@code -Dstreametl.docs.write=true} the page is first written from {@code generated}.
   *
   * @return the page's text, or empty if there is no page
   */
  public static Optional<String> committedText(Path page, String generated) throws IOException {
    if (Boolean.getBoolean(WRITE_PROPERTY)) {
      Files.createDirectories(page.toAbsolutePath().getParent());
      Files.writeString(page, generated, StandardCharsets.UTF_8);
    }
    return Files.exists(page)
        ? Optional.of(Files.readString(page, StandardCharsets.UTF_8))
        : Optional.empty();
  }

  /** The Markdown reference page; lines end with {@code \n}. */
  public static String markdown(Page page) {
    StringBuilder out = new StringBuilder();
    out.append("<!-- Generated from the ConfigDef; do not edit. Regenerate with: ")
        .append(page.regenerate())
        .append(" -->\n\n");
    out.append("# ").append(page.title()).append("\n\n");
    for (String className : page.classNames()) {
      out.append("- `").append(className).append("`\n");
    }
    out.append('\n').append(page.overview().strip()).append("\n\n");
    Map<String, List<ConfigDef.ConfigKey>> groups = byGroup(page.configDef());
    if (groups.isEmpty()) {
      out.append("This plugin has no configuration.\n");
      return out.toString();
    }
    out.append("## Configuration\n");
    for (Map.Entry<String, List<ConfigDef.ConfigKey>> group : groups.entrySet()) {
      out.append("\n### ").append(group.getKey()).append('\n');
      for (ConfigDef.ConfigKey key : group.getValue()) {
        appendKey(out, key);
      }
    }
    return out.toString();
  }

  private static Map<String, List<ConfigDef.ConfigKey>> byGroup(ConfigDef def) {
    Map<String, List<ConfigDef.ConfigKey>> groups = new LinkedHashMap<>();
    for (String group : def.groups()) {
      groups.put(group, new ArrayList<>());
    }
    List<ConfigDef.ConfigKey> ungrouped = new ArrayList<>();
    for (ConfigDef.ConfigKey key : def.configKeys().values()) {
      if (key.internalConfig) {
        continue;
      }
      if (key.group == null) {
        ungrouped.add(key);
      } else {
        groups.computeIfAbsent(key.group, g -> new ArrayList<>()).add(key);
      }
    }
    groups.values().forEach(keys -> keys.sort(
        Comparator.comparingInt((ConfigDef.ConfigKey k) -> k.orderInGroup)
            .thenComparing(k -> k.name)));
    groups.values().removeIf(List::isEmpty);
    if (!ungrouped.isEmpty()) {
      ungrouped.sort(Comparator.comparing(k -> k.name));
      groups.computeIfAbsent(NO_GROUP, g -> new ArrayList<>()).addAll(ungrouped);
    }
    return groups;
  }

  private static void appendKey(StringBuilder out, ConfigDef.ConfigKey key) {
    out.append("\n#### `").append(key.name).append("`\n\n");
    if (key.documentation != null && !key.documentation.isBlank()) {
      out.append(key.documentation.strip()).append("\n\n");
    }
    out.append("- Type: ").append(key.type.name().toLowerCase(Locale.ROOT)).append('\n');
    out.append("- Default: ").append(describeDefault(key)).append('\n');
    if (key.validator != null) {
      String valid = key.validator.toString();
      if (!valid.isBlank()) {
        out.append("- Valid values: ").append(valid.strip()).append('\n');
      }
    }
    out.append("- Importance: ").append(key.importance.name().toLowerCase(Locale.ROOT))
        .append('\n');
  }

  private static String describeDefault(ConfigDef.ConfigKey key) {
    if (!key.hasDefault()) {
      return "none (required)";
    }
    if (key.defaultValue == null) {
      return "null";
    }
    if (key.type == ConfigDef.Type.PASSWORD) {
      return "[hidden]";
    }
    String text = ConfigDef.convertToString(key.defaultValue, key.type);
    return text.isEmpty() ? "empty" : "`" + text + "`";
  }
}
