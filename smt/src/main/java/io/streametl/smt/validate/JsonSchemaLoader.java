package io.streametl.smt.validate;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.kafka.common.config.ConfigException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads and compiles the JSON Schema of {@link ValidateJsonSchema}, from a file or inline. */
final class JsonSchemaLoader {

  static final String DRAFT_2020_12 = "2020-12";
  static final String DRAFT_7 = "7";

  private JsonSchemaLoader() {}

  /**
   * The draft a schema without {@code $schema} is read as.
   *
   * @throws ConfigException naming the valid drafts
   */
  static SpecificationVersion draft(String name) {
    switch (name.trim().toLowerCase(Locale.ROOT)) {
      case DRAFT_2020_12:
        return SpecificationVersion.DRAFT_2020_12;
      case DRAFT_7:
        return SpecificationVersion.DRAFT_7;
      default:
        throw new ConfigException(
            "unknown JSON Schema draft '" + name + "'; use " + DRAFT_2020_12 + " or " + DRAFT_7);
    }
  }

  /**
   * Compiles {@code text}; a {@code $schema} in it picks the draft, else {@code defaultDraft}.
   *
   * @param where "schema.inline" or the file path, for messages
   * @throws ConfigException if the text is not JSON or not a valid schema
   */
  static Schema compile(
      String text, String where, SpecificationVersion defaultDraft, boolean formatAssertions) {
    checkJson(text, where);
    SchemaRegistryConfig config =
        SchemaRegistryConfig.builder()
            .formatAssertionsEnabled(formatAssertions)
            .locale(Locale.ROOT)
            .build();
    SchemaRegistry registry =
        SchemaRegistry.withDefaultDialect(defaultDraft, b -> b.schemaRegistryConfig(config));
    try {
      Schema schema = registry.getSchema(text, InputFormat.JSON);
      // Resolve $refs now, so a broken reference fails the config, not the first record.
      schema.initializeValidators();
      return schema;
    } catch (SchemaException | IllegalArgumentException | IllegalStateException e) {
      throw new ConfigException(
          "the JSON Schema in " + where + " is not a valid schema: " + e.getMessage());
    }
  }

  /**
   * Checks that {@code text} is a JSON object or boolean, as every schema is.
   *
   * @throws ConfigException saying what is wrong
   */
  static void checkJson(String text, String where) {
    JsonNode node;
    try {
      node = JsonMapper.shared().readTree(text);
    } catch (JacksonException e) {
      throw new ConfigException(
          "the JSON Schema in " + where + " is not valid JSON: " + e.getOriginalMessage());
    }
    if (node == null || !(node.isObject() || node.isBoolean())) {
      throw new ConfigException(
          "the JSON Schema in " + where + " must be a JSON object (or true/false)");
    }
  }

  /**
   * The text of a schema file, UTF-8.
   *
   * @throws ConfigException naming the file when it cannot be read
   */
  static String read(String file, String configKey) {
    try {
      return Files.readString(Path.of(file), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      throw new ConfigException(
          configKey, file, "cannot read the JSON Schema file (" + e.getClass().getSimpleName()
              + "); the file must exist on every worker");
    }
  }
}
