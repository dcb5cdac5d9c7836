package io.streametl.source.http.records;

import com.fasterxml.jackson.databind.JsonNode;
import io.streametl.common.fieldpath.FieldPath;
import io.streametl.source.http.config.ValueFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;

/**
 * The record key from key.fields: one field gives its value as a string; several give a Struct (a
 * Map for schemaless values) of strings named by their paths.
 */
final class RecordKeys {

  private final List<FieldPath> fields;
  private final ValueFormat format;
  private final Schema schema;

  RecordKeys(List<FieldPath> fields, ValueFormat format) {
    this.fields = fields;
    this.format = format;
    if (fields.isEmpty()) {
      schema = null;
    } else if (fields.size() == 1) {
      schema = Schema.STRING_SCHEMA;
    } else if (format.isSchemaless()) {
      schema = null;
    } else {
      SchemaBuilder builder = SchemaBuilder.struct();
      fields.forEach(path -> builder.field(path.toString(), Schema.STRING_SCHEMA));
      schema = builder.build();
    }
  }

  boolean enabled() {
    return !fields.isEmpty();
  }

  Schema schema() {
    return schema;
  }

  /** The name of the first key field the record lacks (or holds null in), or null if none. */
  String missingField(JsonNode record) {
    for (FieldPath path : fields) {
      if (!JsonFields.hasValue(JsonFields.at(record, path))) {
        return path.toString();
      }
    }
    return null;
  }

  /** The key of a record that has every key field. */
  Object key(JsonNode record) {
    if (fields.size() == 1) {
      return JsonFields.text(JsonFields.at(record, fields.get(0)));
    }
    if (format.isSchemaless()) {
      Map<String, Object> map = new LinkedHashMap<>();
      fields.forEach(path -> map.put(path.toString(), JsonFields.text(JsonFields.at(record, path))));
      return map;
    }
    Struct struct = new Struct(schema);
    fields.forEach(path -> struct.put(path.toString(), JsonFields.text(JsonFields.at(record, path))));
    return struct;
  }

  /** The record's identity: its key field values, unambiguously joined. */
  String identity(JsonNode record) {
    StringBuilder out = new StringBuilder();
    for (FieldPath path : fields) {
      String text = JsonFields.text(JsonFields.at(record, path));
      out.append(text.length()).append(':').append(text);
    }
    return out.toString();
  }
}
