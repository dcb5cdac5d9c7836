package io.streametl.stack.iceberg;

import io.streametl.stack.LocalStackException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotSummary;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.apache.iceberg.types.Types;

/**
 * Reads the tables the sink writes into the local JDBC (SQLite) catalog: the committed record
 * count for the demo's progress line, and a scan for the query command. Read-only by intent.
 */
public final class LocalIcebergCatalog implements AutoCloseable {

  private final IcebergCatalogOptions options;
  private final JdbcCatalog catalog;

  private LocalIcebergCatalog(IcebergCatalogOptions options, JdbcCatalog catalog) {
    this.options = options;
    this.catalog = catalog;
  }

  /**
   * Opens the catalog, or returns empty if its database file does not exist yet (no table was
   * ever committed): opening it would create an empty SQLite file in the sink's place.
   */
  public static Optional<LocalIcebergCatalog> openIfExists(IcebergCatalogOptions options) {
    if (!Files.isRegularFile(options.catalogDb())) {
      return Optional.empty();
    }
    JdbcCatalog catalog = new JdbcCatalog();
    catalog.setConf(new Configuration());
    catalog.initialize(options.catalogName(), options.readerProperties());
    return Optional.of(new LocalIcebergCatalog(options, catalog));
  }

  /** Like {@link #openIfExists} but failing with a message that says what is missing. */
  public static LocalIcebergCatalog open(IcebergCatalogOptions options) {
    return openIfExists(options).orElseThrow(() -> new LocalStackException("No Iceberg catalog at "
        + options.catalogDb() + ": nothing was committed yet, or the data directory or"
        + " --catalog-db is wrong."));
  }

  public IcebergCatalogOptions options() {
    return options;
  }

  public Optional<Table> table(String name) {
    try {
      return Optional.of(catalog.loadTable(TableIdentifier.parse(name)));
    } catch (NoSuchTableException e) {
      return Optional.empty();
    }
  }

  /**
   * The {@code total-records} of the table's current snapshot: rows committed so far. Empty if
   * the table does not exist or has no snapshot yet.
   */
  public OptionalLong committedRecords(String tableName) {
    Optional<Table> table = table(tableName);
    if (table.isEmpty()) {
      return OptionalLong.empty();
    }
    Snapshot snapshot = table.get().currentSnapshot();
    if (snapshot == null) {
      return OptionalLong.of(0);
    }
    String total = snapshot.summary().get(SnapshotSummary.TOTAL_RECORDS_PROP);
    return total == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(total));
  }

  /** Scans the whole table to count its rows and keeps the first {@code limit} of them. */
  public TableSample sample(String tableName, int limit) {
    Table table = table(tableName).orElseThrow(() -> new LocalStackException("No table "
        + tableName + " in the Iceberg catalog " + options.catalogName() + " at "
        + options.catalogDb() + "."));
    List<String> columns = table.schema().columns().stream().map(Types.NestedField::name)
        .toList();
    List<Map<String, Object>> rows = new ArrayList<>();
    long count = 0;
    try (CloseableIterable<Record> records = IcebergGenerics.read(table).build()) {
      for (Record record : records) {
        if (rows.size() < limit) {
          rows.add(toMap(record));
        }
        count++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not scan " + tableName, e);
    }
    return new TableSample(tableName, count, columns, rows);
  }

  /**
   * The rows of the table's current snapshot that match {@code filter} (files whose column bounds
   * rule them out are not read), as column name to value, nested structs as maps.
   */
  public List<Map<String, Object>> rows(String tableName, Expression filter) {
    Table table = table(tableName).orElseThrow(() -> new LocalStackException("No table "
        + tableName + " in the Iceberg catalog " + options.catalogName() + "."));
    List<Map<String, Object>> rows = new ArrayList<>();
    try (CloseableIterable<Record> records = IcebergGenerics.read(table).where(filter).build()) {
      records.forEach(record -> rows.add(toMap(record)));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not scan " + tableName, e);
    }
    return rows;
  }

  /** A row with its column names, nested structs included (a Record prints only its values). */
  static Map<String, Object> toMap(Record record) {
    Map<String, Object> row = new LinkedHashMap<>();
    List<Types.NestedField> fields = record.struct().fields();
    for (int i = 0; i < fields.size(); i++) {
      row.put(fields.get(i).name(), plain(record.get(i)));
    }
    return Collections.unmodifiableMap(row);
  }

  private static Object plain(Object value) {
    if (value instanceof Record nested) {
      return toMap(nested);
    }
    if (value instanceof List<?> list) {
      return list.stream().map(LocalIcebergCatalog::plain).toList();
    }
    return value;
  }

  @Override
  public void close() {
    catalog.close();
  }
}
