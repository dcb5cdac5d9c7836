package io.streametl.sink.bigquery;

import com.google.api.services.bigquery.model.Dataset;
import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TableFieldSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The data of {@link FakeBigQuery}: datasets, tables (their REST resource and committed rows) and
 * Storage Write API streams. Every method is called under the fake's lock.
 */
final class FakeBigQueryState {

  /** A table: its REST resource as last written, its rows, and the schema before its last update. */
  static final class FakeTable {
    Table resource;
    List<TableFieldSchema> previousSchema;
    final List<Map<String, Object>> rows = new ArrayList<>();

    List<TableFieldSchema> schema() {
      return resource.getSchema() == null ? List.of() : resource.getSchema().getFields();
    }
  }

  /** A write stream: PENDING rows are kept here until the stream is committed. */
  static final class FakeStream {
    final String name;
    final String tableKey;
    final String type;
    final List<TableFieldSchema> schema;
    final List<Map<String, Object>> rows = new ArrayList<>();
    boolean finalized;
    boolean committed;

    FakeStream(String name, String tableKey, String type, List<TableFieldSchema> schema) {
      this.name = name;
      this.tableKey = tableKey;
      this.type = type;
      this.schema = schema;
    }
  }

  final Map<String, Dataset> datasets = new LinkedHashMap<>();
  final Map<String, FakeTable> tables = new LinkedHashMap<>();
  final Map<String, FakeStream> streams = new LinkedHashMap<>();

  static String datasetKey(String project, String dataset) {
    return project + ":" + dataset;
  }

  static String tableKey(String project, String dataset, String table) {
    return project + ":" + dataset + "." + table;
  }

  /** BigQuery's two spellings of each type (legacy SQL and standard SQL) as one. */
  static String canonicalType(String type) {
    String t = type.toUpperCase(Locale.ROOT);
    return switch (t) {
      case "INTEGER" -> "INT64";
      case "FLOAT" -> "FLOAT64";
      case "BOOLEAN" -> "BOOL";
      case "RECORD" -> "STRUCT";
      default -> t;
    };
  }

  static String mode(TableFieldSchema field) {
    return field.getMode() == null ? "NULLABLE" : field.getMode().toUpperCase(Locale.ROOT);
  }

  static TableFieldSchema find(List<TableFieldSchema> fields, String name) {
    if (fields == null) {
      return null;
    }
    for (TableFieldSchema field : fields) {
      if (field.getName().equalsIgnoreCase(name)) {
        return field;
      }
    }
    return null;
  }

  /**
   * Checks a schema update as BigQuery does: every existing column stays with its type, a mode may
   * only relax from REQUIRED to NULLABLE, and new columns are NULLABLE or REPEATED.
   *
   * @return null when allowed, else the reason
   */
  static String checkUpdate(List<TableFieldSchema> before, List<TableFieldSchema> after, String path) {
    for (TableFieldSchema old : before) {
      String name = path + old.getName();
      TableFieldSchema now = find(after, old.getName());
      if (now == null) {
        return "Field " + name + " is missing in new schema";
      }
      if (!canonicalType(old.getType()).equals(canonicalType(now.getType()))) {
        return "Field " + name + " has changed type from " + old.getType() + " to " + now.getType();
      }
      String oldMode = mode(old);
      String newMode = mode(now);
      if (!oldMode.equals(newMode) && !(oldMode.equals("REQUIRED") && newMode.equals("NULLABLE"))) {
        return "Field " + name + " has changed mode from " + oldMode + " to " + newMode;
      }
      if (old.getFields() != null) {
        String nested = checkUpdate(old.getFields(), now.getFields() == null ? List.of() : now.getFields(), name + ".");
        if (nested != null) {
          return nested;
        }
      }
    }
    for (TableFieldSchema now : after) {
      if (find(before, now.getName()) == null && mode(now).equals("REQUIRED")) {
        return "Cannot add required field " + path + now.getName() + " to an existing schema";
      }
    }
    return null;
  }
}
