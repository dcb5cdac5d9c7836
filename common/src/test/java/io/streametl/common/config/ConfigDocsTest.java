package io.streametl.common.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigDocsTest {

  @Test
  void theCommittedTextIsReadAsItIsAndWrittenOnlyWhenAsked(@TempDir Path dir) throws IOException {
    Path page = dir.resolve("docs/Plugin.md");
    assertThat(ConfigDocs.committedText(page, "new")).isEmpty();

    Files.createDirectories(page.getParent());
    Files.writeString(page, "old");
    assertThat(ConfigDocs.committedText(page, "new")).hasValue("old");

    System.setProperty(ConfigDocs.WRITE_PROPERTY, "true");
    try {
      assertThat(ConfigDocs.committedText(page, "new")).hasValue("new");
    } finally {
      System.clearProperty(ConfigDocs.WRITE_PROPERTY);
    }
  }

  private static final ConfigDef DEF =
      new ConfigDef()
          .define("b.second", ConfigDef.Type.INT, 5, ConfigDef.Range.atLeast(1),
              ConfigDef.Importance.LOW, "Second in group A.", "A", 2, ConfigDef.Width.SHORT, "B")
          .define("a.first", ConfigDef.Type.LIST, "", ConfigDef.Importance.HIGH,
              "First in group A.", "A", 1, ConfigDef.Width.LONG, "A")
          .define("secret", ConfigDef.Type.PASSWORD, new Password("hunter2"),
              ConfigDef.Importance.HIGH, "A secret.", "B", 1, ConfigDef.Width.SHORT, "S")
          .define("required.one", ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE,
              ConfigDef.Importance.HIGH, "No default.")
          .defineInternal("internal.one", ConfigDef.Type.STRING, "x", ConfigDef.Importance.LOW);

  private static String render() {
    return ConfigDocs.markdown(
        new ConfigDocs.Page("Example", List.of("x.Example$Key", "x.Example$Value"),
            "Does <code>things</code>.", DEF, "make docs"));
  }

  @Test
  void listsConfigsByGroupInDefinitionOrder() {
    String page = render();

    assertThat(page).startsWith("<!-- Generated from the ConfigDef; do not edit. Regenerate with:"
        + " make docs -->\n\n# Example\n\n- `x.Example$Key`\n- `x.Example$Value`\n\n"
        + "Does <code>things</code>.\n\n## Configuration\n\n### A\n");
    assertThat(page.indexOf("`a.first`")).isLessThan(page.indexOf("`b.second`"));
    assertThat(page.indexOf("`b.second`")).isLessThan(page.indexOf("### B"));
    assertThat(page.indexOf("### B")).isLessThan(page.indexOf("### Other"));
    assertThat(page.indexOf("### Other")).isLessThan(page.indexOf("`required.one`"));
  }

  @Test
  void showsTypeDefaultValidatorAndImportance() {
    String page = render();

    assertThat(page).contains("#### `b.second`\n\nSecond in group A.\n\n- Type: int\n"
        + "- Default: `5`\n- Valid values: [1,...]\n- Importance: low\n");
    assertThat(page).contains("#### `a.first`\n\nFirst in group A.\n\n- Type: list\n"
        + "- Default: empty\n- Importance: high\n");
    assertThat(page).contains("- Default: none (required)");
  }

  @Test
  void neverShowsASecretDefaultNorInternalConfigs() {
    String page = render();

    assertThat(page).contains("- Default: [hidden]").doesNotContain("hunter2");
    assertThat(page).doesNotContain("internal.one");
  }

  @Test
  void isTheSameOnEveryRun() {
    assertThat(render()).isEqualTo(render());
  }
}
