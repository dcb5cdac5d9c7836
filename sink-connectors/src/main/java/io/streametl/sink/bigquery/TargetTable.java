package io.streametl.sink.bigquery;

import com.google.cloud.bigquery.Schema;
import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * One table the sink writes rows to (the events table, or an aggregation's partial rows): its
 * schema as last seen, kept current as records add fields, and the cycle's encoded rows.
 */
final class TargetTable {

  private final TableRef ref;
  private final BigQueryTables tables;
  private final PendingStreams streams;
  private final boolean autoCreate;
  private final boolean evolve;
  private final String partitionBy;
  private final List<String> clusterBy;
  private final List<BufferedRow> rows = new ArrayList<>();
  private Schema schema;
  private boolean looked;
  private RowEncoder encoder;
  private org.apache.kafka.connect.data.Schema lastStructSchema;
  private long bytes;
  private boolean schemaChanged;

  TargetTable(TableRef ref, BigQueryTables tables, PendingStreams streams, boolean autoCreate, boolean evolve,
      String partitionBy, List<String> clusterBy) {
    this.ref = ref;
    this.tables = tables;
    this.streams = streams;
    this.autoCreate = autoCreate;
    this.evolve = evolve;
    this.partitionBy = partitionBy;
    this.clusterBy = List.copyOf(clusterBy);
  }

  TableRef ref() {
    return ref;
  }

  /**
   * Encodes a value as a row of this table, creating the table or adding columns first when needed.
   *
   * @param record the record the row comes from (null for partial rows)
   * @throws DataException if the value does not fit the table
   */
  void add(Object value, SinkRecord record) {
    if (!looked) {
      use(tables.schema(ref));
      looked = true;
    }
    if (schema == null) {
      if (!autoCreate) {
        throw new DataException("table " + ref + " does not exist and " + BigQueryConfig.AUTO_CREATE + " is false");
      }
      use(tables.create(ref, TableSchemas.infer(value), partitionBy, clusterBy));
      schemaChanged = true;
    } else if (evolve && !(value instanceof Struct s && s.schema() == lastStructSchema)) {
      Schema incoming = TableSchemas.infer(value);
      if (TableSchemas.withMissingColumns(schema, incoming) != schema) {
        use(tables.addColumns(ref, schema, incoming));
        schemaChanged = true;
      }
    }
    ByteString row = encoder.encode(value);
    if (row.size() > streams.maxRowBytes(encoder)) {
      throw new DataException("the row is " + row.size() + " bytes, more than fits one AppendRows request to " + ref
          + " (" + BigQueryConfig.MAX_REQUEST_BYTES + ")");
    }
    if (value instanceof Struct s) {
      lastStructSchema = s.schema(); // this Connect schema fits the table now: skip the check next time
    }
    rows.add(new BufferedRow(row, record));
    bytes += row.size();
  }

  private void use(Schema current) {
    if (current != schema) {
      schema = current;
      encoder = current == null ? null : new RowEncoder(current);
      lastStructSchema = null;
    }
  }

  Schema schema() {
    return schema;
  }

  RowEncoder encoder() {
    return encoder;
  }

  List<BufferedRow> rows() {
    return rows;
  }

  long bufferedRows() {
    return rows.size();
  }

  long bufferedBytes() {
    return bytes;
  }

  /** True once, after the table was created or gained columns. */
  boolean takeSchemaChanged() {
    boolean changed = schemaChanged;
    schemaChanged = false;
    return changed;
  }

  void clear() {
    rows.clear();
    bytes = 0;
  }
}
