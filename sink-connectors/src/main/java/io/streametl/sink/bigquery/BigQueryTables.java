package io.streametl.sink.bigquery;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.Clustering;
import com.google.cloud.bigquery.DatasetId;
import com.google.cloud.bigquery.DatasetInfo;
import com.google.cloud.bigquery.Schema;
import com.google.cloud.bigquery.StandardSQLTypeName;
import com.google.cloud.bigquery.StandardTableDefinition;
import com.google.cloud.bigquery.Table;
import com.google.cloud.bigquery.TableDefinition;
import com.google.cloud.bigquery.TableInfo;
import com.google.cloud.bigquery.TimePartitioning;
import com.google.cloud.bigquery.ViewDefinition;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.connect.errors.DataException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Datasets, tables and views through BigQuery's REST API: creating what is missing (another task
 * creating it at the same moment is fine) and adding columns. Schema changes are additive only,
 * so two tasks adding different columns at once cannot undo each other: a rejected update is
 * retried on the table's current schema.
 */
final class BigQueryTables {

  private static final Logger LOG = LoggerFactory.getLogger(BigQueryTables.class);
  private static final int CONFLICT = 409;
  private static final int SCHEMA_UPDATE_ATTEMPTS = 5;
  /** The commit-time column by whose day the ledger and state tables are partitioned. */
  static final String COMMITTED_AT = "committed_at";

  private final BigQuery bigquery;
  private final Retrier retrier;

  BigQueryTables(BigQuery bigquery, Retrier retrier) {
    this.bigquery = bigquery;
    this.retrier = retrier;
  }

  void ensureDataset(String project, String dataset, String location) {
    retrier.run("creating dataset " + project + "." + dataset, () -> {
      if (bigquery.getDataset(DatasetId.of(project, dataset)) != null) {
        return;
      }
      try {
        bigquery.create(DatasetInfo.newBuilder(project, dataset).setLocation(location).build());
        LOG.info("Created BigQuery dataset {}.{} in {}", project, dataset, location);
      } catch (BigQueryException e) {
        if (e.getCode() != CONFLICT) {
          throw e;
        }
      }
    });
  }

  /** The table's schema, or null when it does not exist. */
  Schema schema(TableRef table) {
    return retrier.call("reading the schema of " + table, () -> {
      Table found = bigquery.getTable(table.id());
      return found == null ? null : found.getDefinition().getSchema();
    });
  }

  /**
   * Creates a table (or finds the one another task just created) and returns its schema.
   *
   * @param partitionBy e.g. DAY(event_time) or ingestion-day; empty for none
   */
  Schema create(TableRef table, Schema schema, String partitionBy, List<String> clusterBy) {
    return create(table, schema, partitionBy, clusterBy, Duration.ZERO);
  }

  /** As {@link #create(TableRef, Schema, String, List)}, with a partition expiration (zero: none). */
  Schema create(TableRef table, Schema schema, String partitionBy, List<String> clusterBy, Duration expiration) {
    StandardTableDefinition.Builder definition = StandardTableDefinition.newBuilder().setSchema(schema);
    String type = BigQueryConfig.partitionType(partitionBy);
    if (type != null) {
      String column = BigQueryConfig.partitionColumn(partitionBy);
      if (column != null) {
        com.google.cloud.bigquery.Field field = TableSchemas.find(schema.getFields(), column);
        StandardSQLTypeName columnType = field == null ? null : field.getType().getStandardType();
        if (columnType != StandardSQLTypeName.TIMESTAMP && columnType != StandardSQLTypeName.DATE
            && columnType != StandardSQLTypeName.DATETIME) {
          throw new DataException("cannot create " + table + " partitioned by " + partitionBy + ": the record's '"
              + column + "' field is " + (field == null ? "missing" : "a " + columnType)
              + ", not a TIMESTAMP or DATE (a Connect Timestamp or Date, or a java.util.Date in a Map)");
        }
      }
      TimePartitioning.Builder partitioning = TimePartitioning.newBuilder(TimePartitioning.Type.valueOf(type));
      if (column != null) {
        partitioning.setField(column);
      }
      if (!expiration.isZero()) {
        partitioning.setExpirationMs(expiration.toMillis());
      }
      definition.setTimePartitioning(partitioning.build());
    }
    List<String> clusters = clusterBy.stream().filter(c -> TableSchemas.find(schema.getFields(), c) != null).toList();
    if (!clusters.isEmpty()) {
      definition.setClustering(Clustering.newBuilder().setFields(clusters).build());
    }
    return retrier.call("creating table " + table, () -> {
      try {
        bigquery.create(TableInfo.of(table.id(), definition.build()));
        LOG.info("Created BigQuery table {} ({} columns, partitioned by '{}', clustered by {})", table,
            schema.getFields().size(), partitionBy, clusters);
        return schema;
      } catch (BigQueryException e) {
        if (e.getCode() != CONFLICT) {
          throw e;
        }
        return schema(table);
      }
    });
  }

  /** Creates a table that must exist whatever the records look like, unpartitioned. */
  void ensure(TableRef table, Schema schema, List<String> clusterBy) {
    if (schema(table) == null) {
      create(table, schema, "", clusterBy);
    }
  }

  /**
   * Creates a ledger or state table when missing, partitioned by the day of its {@code committed_at}
   * column with the retention as partition expiration (docs/decisions/0008), and brings an existing
   * one up to date: missing columns are added, and a shorter expiration is lengthened to the
   * retention, never shortened (connectors sharing the table may keep their rows longer). A table
   * of an earlier version is unpartitioned, which BigQuery cannot change in place: it keeps all rows.
   *
   * @return the table's partition expiration now, or null when its rows never expire
   */
  Duration ensureCommitTable(TableRef table, Schema schema, List<String> clusterBy, Duration retention) {
    Table found = retrier.call("reading " + table, () -> bigquery.getTable(table.id()));
    if (found == null) {
      create(table, schema, "DAY(" + COMMITTED_AT + ")", clusterBy, retention);
      return retention.isZero() ? null : retention;
    }
    StandardTableDefinition definition = found.getDefinition();
    Schema current = addColumns(table, definition.getSchema(), schema);
    TimePartitioning partitioning = definition.getTimePartitioning();
    if (partitioning == null || !COMMITTED_AT.equals(partitioning.getField())) {
      if (!retention.isZero()) {
        LOG.warn("{} is not partitioned by {} (an earlier version created it), so {} cannot expire its old rows; "
            + "docs/bigquery.md says how to move to a partitioned table", table, COMMITTED_AT,
            BigQueryConfig.LEDGER_RETENTION);
      }
      return null;
    }
    Long expiration = partitioning.getExpirationMs();
    if (!retention.isZero() && expiration != null && expiration < retention.toMillis()) {
      TimePartitioning longer = partitioning.toBuilder().setExpirationMs(retention.toMillis()).build();
      retrier.run("setting the partition expiration of " + table, () -> bigquery.update(TableInfo.of(table.id(),
          StandardTableDefinition.newBuilder().setSchema(current).setTimePartitioning(longer).build())));
      LOG.info("Lengthened the partition expiration of {} from {} ms to {}", table, expiration, retention);
      return retention;
    }
    return expiration == null ? null : Duration.ofMillis(expiration);
  }

  /**
   * Adds the columns of {@code wanted} the table lacks and returns the table's new schema (which
   * may hold columns another task added too).
   */
  Schema addColumns(TableRef table, Schema current, Schema wanted) {
    Schema base = current;
    for (int attempt = 1; ; attempt++) {
      Schema target = TableSchemas.withMissingColumns(base, wanted);
      if (target == base) {
        return base;
      }
      try {
        Schema updated = target;
        retrier.run("adding columns to " + table, () ->
            bigquery.update(TableInfo.of(table.id(), StandardTableDefinition.of(updated))));
        LOG.info("Added columns to BigQuery table {}: now {}", table, names(updated));
        return updated;
      } catch (RuntimeException e) {
        // Another task changed the schema since we read it: merge into the current one and retry.
        Schema fresh = schema(table);
        if (attempt >= SCHEMA_UPDATE_ATTEMPTS || fresh == null) {
          throw e;
        }
        base = fresh;
      }
    }
  }

  /** Creates the view, or replaces its query when it exists with another one. */
  void createOrReplaceView(TableRef view, String sql) {
    retrier.run("creating view " + view, () -> {
      Table existing = bigquery.getTable(view.id());
      if (existing == null) {
        try {
          bigquery.create(TableInfo.of(view.id(), ViewDefinition.newBuilder(sql).setUseLegacySql(false).build()));
          LOG.info("Created BigQuery view {}", view);
          return;
        } catch (BigQueryException e) {
          if (e.getCode() != CONFLICT) {
            throw e;
          }
          existing = bigquery.getTable(view.id());
        }
      }
      TableDefinition definition = existing.getDefinition();
      if (!(definition instanceof ViewDefinition current) || !sql.equals(current.getQuery())) {
        bigquery.update(TableInfo.of(view.id(), ViewDefinition.newBuilder(sql).setUseLegacySql(false).build()));
        LOG.info("Updated the query of BigQuery view {}", view);
      }
    });
  }

  private static List<String> names(Schema schema) {
    return schema.getFields().stream().map(f -> f.getName()).toList();
  }
}
