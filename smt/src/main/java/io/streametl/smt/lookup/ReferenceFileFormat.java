package io.streametl.smt.lookup;

import io.streametl.smt.ScalarText;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The formats a reference file can have, each read into rows by key. */
enum ReferenceFileFormat {
  /** A header row naming the columns, then one row per key. */
  CSV("csv") {
    @Override
    Map<String, Map<String, String>> read(String text, String keyColumn) {
      List<List<String>> rows = CsvReader.rows(text);
      if (rows.isEmpty()) {
        throw new IllegalArgumentException("the file is empty; it needs a header row");
      }
      List<String> header = rows.get(0);
      int keyIndex = header.indexOf(keyColumn);
      if (keyIndex < 0) {
        throw new IllegalArgumentException(
            "the header row has no column '" + keyColumn + "' (it has " + header + ")");
      }
      Map<String, Map<String, String>> table = new HashMap<>();
      for (int r = 1; r < rows.size(); r++) {
        List<String> row = rows.get(r);
        if (row.size() != header.size()) {
          throw new IllegalArgumentException(
              "row " + (r + 1) + " has " + row.size() + " fields, the header " + header.size());
        }
        Map<String, String> columns = new LinkedHashMap<>();
        for (int c = 0; c < header.size(); c++) {
          columns.put(header.get(c), row.get(c));
        }
        table.put(row.get(keyIndex), columns);
      }
      return table;
    }
  },
  /** One JSON object per line; blank lines are skipped. */
  JSON_LINES("jsonl") {
    @Override
    Map<String, Map<String, String>> read(String text, String keyColumn) {
      Map<String, Map<String, String>> table = new HashMap<>();
      String[] lines = text.split("\r?\n");
      for (int i = 0; i < lines.length; i++) {
        if (lines[i].isBlank()) {
          continue;
        }
        Map<String, String> row;
        try {
          row = jsonRow(JSON.readTree(lines[i]));
        } catch (JacksonException | IllegalArgumentException e) {
          throw new IllegalArgumentException("line " + (i + 1) + " is not a JSON object");
        }
        String key = row.get(keyColumn);
        if (key == null) {
          throw new IllegalArgumentException("line " + (i + 1) + " has no '" + keyColumn + "'");
        }
        table.put(key, row);
      }
      return table;
    }
  };

  private static final JsonMapper JSON = JsonMapper.shared();

  private final String configName;

  ReferenceFileFormat(String configName) {
    this.configName = configName;
  }

  /**
   * The rows of a file's text by the value of {@code keyColumn}.
   *
   * @throws IllegalArgumentException saying where the text is malformed (never its content)
   */
  abstract Map<String, Map<String, String>> read(String text, String keyColumn);

  String configName() {
    return configName;
  }

  static ReferenceFileFormat parse(String name) {
    for (ReferenceFileFormat format : values()) {
      if (format.configName.equalsIgnoreCase(name.trim())) {
        return format;
      }
    }
    throw new IllegalArgumentException("unknown file format '" + name + "'");
  }

  /**
   * A JSON object as a row: strings as they are, numbers and booleans as text, nested values as
   * JSON text, null as null.
   */
  static Map<String, String> jsonRow(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    Map<String, String> row = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> property : node.properties()) {
      row.put(property.getKey(), text(property.getValue()));
    }
    return row;
  }

  private static String text(JsonNode value) {
    if (value.isNull()) {
      return null;
    }
    if (value.isString()) {
      return value.stringValue();
    }
    if (value.isNumber()) {
      return ScalarText.number(value.numberValue());
    }
    if (value.isBoolean()) {
      return Boolean.toString(value.booleanValue());
    }
    return value.toString();
  }
}
