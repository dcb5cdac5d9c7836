package io.streametl.stack.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectorConfigFileTest {

  @TempDir
  Path temp;

  @Test
  void loadsTheRestApiBodyFormKeepingTheKeyOrder() throws IOException {
    Path file = Files.writeString(temp.resolve("gen.json"), """
        {
          "name": "gen",
          "config": {
            "connector.class": "io.example.Gen",
            "tasks.max": 2,
            "exactly.once": true,
            "topic": "events"
          }
        }
        """);

    ConnectorConfigFile config = ConnectorConfigFile.load(file);

    assertThat(config.name()).isEqualTo("gen");
    assertThat(config.connectorClass()).isEqualTo("io.example.Gen");
    assertThat(config.config()).containsExactly(
        Map.entry("connector.class", "io.example.Gen"),
        Map.entry("tasks.max", "2"),
        Map.entry("exactly.once", "true"),
        Map.entry("topic", "events"));
    assertThat(config.source()).isEqualTo(file.toString());
  }

  @Test
  void overridesReplaceAddAndRemoveKeysWithoutChangingTheOriginal() {
    ConnectorConfigFile original = parse("""
        {"name": "sink", "config": {"connector.class": "S", "topics": "a", "errors.tolerance": "all"}}
        """);
    Map<String, String> overrides = new HashMap<>();
    overrides.put("topics", "b");
    overrides.put("tasks.max", "3");
    overrides.put("errors.tolerance", null);

    ConnectorConfigFile changed = original.withOverrides(overrides);

    assertThat(changed.config()).containsExactly(Map.entry("connector.class", "S"),
        Map.entry("topics", "b"), Map.entry("tasks.max", "3"));
    assertThat(original.config()).containsEntry("topics", "a").containsKey("errors.tolerance");
  }

  @Test
  void configWithNameIsWhatConnectStoresAndValidates() {
    ConnectorConfigFile config = parse("{\"name\": \"x\", \"config\": {\"connector.class\": \"C\"}}");

    assertThat(config.withName("y").configWithName())
        .containsEntry("name", "y").containsEntry("connector.class", "C");
  }

  @Test
  void missingNameOrConfigSaysWhatTheFileNeeds() {
    assertThatThrownBy(() -> parse("{\"config\": {}}"))
        .hasMessage("test.json needs a \"name\" string: the connector name.");
    assertThatThrownBy(() -> parse("{\"name\": \"x\"}"))
        .hasMessage("test.json needs a \"config\" object with the connector settings.");
    assertThatThrownBy(() -> parse("[]"))
        .hasMessageContaining("must hold a JSON object");
  }

  @Test
  void nestedValuesAndNullsNameTheKeyAtFault() {
    assertThatThrownBy(() -> parse("{\"name\": \"x\", \"config\": {\"topics\": [\"a\"]}}"))
        .hasMessage("test.json: config.topics must be a string, number or boolean, not array.");
    assertThatThrownBy(() -> parse("{\"name\": \"x\", \"config\": {\"topic\": null}}"))
        .hasMessageContaining("config.topic must be a string, number or boolean, not null");
  }

  @Test
  void aConfigNameThatDiffersFromTheNameIsAnError() {
    assertThatThrownBy(() -> parse("{\"name\": \"a\", \"config\": {\"name\": \"b\"}}"))
        .hasMessageContaining("config.name (b) differs from name (a)");
  }

  @Test
  void invalidJsonNamesTheFileAndLine() {
    assertThatThrownBy(() -> parse("{\n\"name\": \"a\",\n}"))
        .hasMessageStartingWith("test.json is not valid JSON")
        .hasMessageContaining("line 3");
  }

  @Test
  void missingFileIsOneClearLine() {
    assertThatThrownBy(() -> ConnectorConfigFile.load(temp.resolve("nope.json")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageEndingWith("nope.json does not exist.");
  }

  @Test
  void missingConnectorClassIsReportedWhenAskedFor() {
    assertThatThrownBy(() -> parse("{\"name\": \"x\", \"config\": {}}").connectorClass())
        .hasMessage("test.json: config has no connector.class.");
  }

  @Test
  void toStringShowsNoConfigValues() {
    ConnectorConfigFile config = parse(
        "{\"name\": \"x\", \"config\": {\"password\": \"hunter2\"}}");

    assertThat(config.toString()).doesNotContain("hunter2");
  }

  private static ConnectorConfigFile parse(String json) {
    return ConnectorConfigFile.parse(json, "test.json");
  }
}
