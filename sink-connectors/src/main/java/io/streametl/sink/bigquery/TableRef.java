package io.streametl.sink.bigquery;

import com.google.cloud.bigquery.TableId;
import com.google.cloud.bigquery.storage.v1.TableName;
import org.apache.kafka.common.config.ConfigException;

/** A BigQuery table by project, dataset and name, in the two spellings the two APIs use. */
public record TableRef(String project, String dataset, String table) {

  /** Reads {@code table} or {@code dataset.table}, defaulting to the given project and dataset. */
  public static TableRef parse(String project, String dataset, String text) {
    String[] parts = text.split("\\.");
    return switch (parts.length) {
      case 1 -> new TableRef(project, dataset, parts[0]);
      case 2 -> new TableRef(project, parts[0], parts[1]);
      default -> throw new ConfigException("'" + text + "' is not a BigQuery table: give 'table' or 'dataset.table'");
    };
  }

  public TableId id() {
    return TableId.of(project, dataset, table);
  }

  /** The Storage Write API's parent name: {@code projects/p/datasets/d/tables/t}. */
  public String writeParent() {
    return TableName.of(project, dataset, table).toString();
  }

  /** As in SQL: {@code `project.dataset.table`}. */
  public String sql() {
    return "`" + project + "." + dataset + "." + table + "`";
  }

  @Override
  public String toString() {
    return project + "." + dataset + "." + table;
  }
}
