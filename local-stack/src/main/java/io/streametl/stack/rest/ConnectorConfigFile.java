package io.streametl.stack.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A connector config file in the body form of the REST API's POST /connectors:
 * {@code {"name": "...", "config": {"connector.class": "...", ...}}}, as kept in connect-configs/.
 * Values may be written as JSON strings, numbers or booleans (Connect receives them as strings);
 * nested objects, arrays and nulls are rejected with the key at fault.
 */
public final class ConnectorConfigFile {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String source;
  private final String name;
  private final Map<String, String> config;

  private ConnectorConfigFile(String source, String name, Map<String, String> config) {
    this.source = source;
    this.name = name;
    this.config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
  }

  public static ConnectorConfigFile load(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("Connector config file " + file + " does not exist.", e);
    } catch (IOException e) {
      throw new IllegalArgumentException("Cannot read connector config file " + file + ": " + e, e);
    }
  }

  /** @param source where the JSON came from, for error messages */
  public static ConnectorConfigFile parse(String json, String source) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(source + " is not valid JSON: " + e.getOriginalMessage()
          + " (line " + e.getLocation().getLineNr() + ")", e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(source + " must hold a JSON object"
          + " {\"name\": ..., \"config\": {...}}.");
    }
    JsonNode nameNode = root.get("name");
    if (nameNode == null || !nameNode.isTextual() || nameNode.asText().isBlank()) {
      throw new IllegalArgumentException(source + " needs a \"name\" string: the connector name.");
    }
    JsonNode configNode = root.get("config");
    if (configNode == null || !configNode.isObject()) {
      throw new IllegalArgumentException(source + " needs a \"config\" object with the connector"
          + " settings.");
    }
    String name = nameNode.asText();
    Map<String, String> config = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : configNode.properties()) {
      JsonNode value = field.getValue();
      if (!value.isValueNode() || value.isNull()) {
        throw new IllegalArgumentException(source + ": config." + field.getKey() + " must be a"
            + " string, number or boolean, not " + value.getNodeType().name().toLowerCase(
                java.util.Locale.ROOT) + ".");
      }
      config.put(field.getKey(), value.asText());
    }
    if (config.containsKey("name") && !config.get("name").equals(name)) {
      throw new IllegalArgumentException(source + ": config.name (" + config.get("name")
          + ") differs from name (" + name + "); remove config.name or make them equal.");
    }
    return new ConnectorConfigFile(source, name, config);
  }

  /** Where the config came from (a file path). */
  public String source() {
    return source;
  }

  public String name() {
    return name;
  }

  /** The config in file order, unmodifiable. */
  public Map<String, String> config() {
    return config;
  }

  /**
   * The config with {@code name} set, as Connect stores it. Validation needs this form: the
   * validate endpoint has no separate name and reports a missing "name" as an error.
   */
  public Map<String, String> configWithName() {
    Map<String, String> withName = new LinkedHashMap<>(config);
    withName.put("name", name);
    return Collections.unmodifiableMap(withName);
  }

  public String connectorClass() {
    String connectorClass = config.get("connector.class");
    if (connectorClass == null || connectorClass.isBlank()) {
      throw new IllegalArgumentException(source + ": config has no connector.class.");
    }
    return connectorClass;
  }

  /** A copy with the given keys set (added or replaced); a null value removes the key. */
  public ConnectorConfigFile withOverrides(Map<String, String> overrides) {
    Map<String, String> merged = new LinkedHashMap<>(config);
    overrides.forEach((key, value) -> {
      if (value == null) {
        merged.remove(key);
      } else {
        merged.put(key, value);
      }
    });
    return new ConnectorConfigFile(source, name, merged);
  }

  /** A copy under another connector name (to run a config twice side by side in tests). */
  public ConnectorConfigFile withName(String newName) {
    Map<String, String> renamed = new LinkedHashMap<>(config);
    if (renamed.containsKey("name")) {
      renamed.put("name", newName);
    }
    return new ConnectorConfigFile(source, newName, renamed);
  }

  @Override
  public String toString() {
    return "ConnectorConfigFile[" + name + " from " + source + "]";
  }
}
