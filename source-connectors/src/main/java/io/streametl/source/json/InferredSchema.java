package io.streametl.source.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;

/**
 * The value schema of one stream of JSON objects (an HTTP endpoint, the MQTT messages bound for
 * one Kafka topic), inferred from its records and widened batch by batch. Every
 * field is optional, so a record that lacks a field still fits, and a new field only adds an
 * optional field: a change Schema Registry calls backward compatible. Fields are sorted by name.
 * While a page brings nothing new, the same Schema instance is returned (converters cache by it).
 */
public final class InferredSchema {

  private final String name;
  private JsonType type = JsonType.struct(Map.of());
  private Schema schema;

  /** @param name the value schema's name, or null for none */
  public InferredSchema(String name) {
    this.name = name;
    this.schema = build(type, name);
  }

  /** The schema that fits these records and every earlier one. */
  public Schema accommodate(List<JsonNode> records) {
    JsonType merged = type;
    for (JsonNode record : records) {
      if (!merged.fits(record)) {
        merged = merged.merge(JsonType.of(record));
      }
    }
    if (!merged.equals(type)) {
      type = merged;
      schema = build(type, name);
    }
    return schema;
  }

  public Schema current() {
    return schema;
  }

  private static Schema build(JsonType type, String name) {
    SchemaBuilder builder;
    switch (type.kind) {
      case BOOLEAN:
        return Schema.OPTIONAL_BOOLEAN_SCHEMA;
      case INT64:
        return Schema.OPTIONAL_INT64_SCHEMA;
      case FLOAT64:
        return Schema.OPTIONAL_FLOAT64_SCHEMA;
      case ARRAY:
        return SchemaBuilder.array(build(type.element, null)).optional().build();
      case STRUCT:
        builder = SchemaBuilder.struct().optional();
        if (name != null) {
          builder.name(name);
        }
        type.fields.forEach((field, fieldType) -> {
          if (fieldType.isKnown()) {
            builder.field(field, build(fieldType, null));
          }
        });
        return builder.build();
      default:
        return Schema.OPTIONAL_STRING_SCHEMA;
    }
  }
}
