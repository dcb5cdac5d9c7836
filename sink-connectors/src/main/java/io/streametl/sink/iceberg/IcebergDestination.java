package io.streametl.sink.iceberg;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import io.streametl.sink.ConcurrentCommitException;
import io.streametl.sink.EventDestination;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.CommitStateUnknownException;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a task's records into one Iceberg table and commits them together with the task's Kafka
 * offsets, in one append whose snapshot summary carries the offsets ({@link OffsetLedger}).
 */
public final class IcebergDestination implements EventDestination {

  private static final Logger LOG = LoggerFactory.getLogger(IcebergDestination.class);

  private final Catalog catalog;
  private final TableIdentifier identifier;
  private final boolean autoCreate;
  private final List<String> partitionBy;
  private final Map<String, String> tableProperties;
  private final OffsetLedger ledger;
  private final int taskId;

  private Table table;
  private RecordConverter converter;
  private TableWriter writer;

  public IcebergDestination(Catalog catalog, String table, boolean autoCreate, List<String> partitionBy,
      Map<String, String> tableProperties, String connectorName, int taskId) {
    this.catalog = catalog;
    this.identifier = TableIdentifier.parse(table);
    this.autoCreate = autoCreate;
    this.partitionBy = List.copyOf(partitionBy);
    this.tableProperties = Map.copyOf(tableProperties);
    this.ledger = new OffsetLedger(connectorName);
    this.taskId = taskId;
  }

  @Override
  public Map<TopicPartition, Long> committedOffsets(Collection<TopicPartition> partitions) {
    Table current = loadTable();
    if (current == null) {
      return Map.of();
    }
    current.refresh();
    return ledger.committedOffsets(current, partitions);
  }

  @Override
  public void write(SinkRecord record) {
    Object value = record.value();
    if (value == null) {
      throw new DataException("the record has a null value (a tombstone); the events table keeps no deletes");
    }
    if (table == null && loadTable() == null) {
      createTable(value);
    }
    Record row = converter.convert(value);
    if (writer == null) {
      writer = new TableWriter(table, taskId);
    }
    writer.write(row, RowSizeEstimator.estimate(row));
  }

  @Override
  public long bufferedRecords() {
    return writer == null ? 0 : writer.records();
  }

  @Override
  public long bufferedBytes() {
    return writer == null ? 0 : writer.estimatedBytes();
  }

  @Override
  public boolean canCommit() {
    return table != null || loadTable() != null;
  }

  @Override
  public void commit(Map<TopicPartition, Long> nextOffsets, Map<TopicPartition, Long> expected) {
    List<DataFile> files = writer == null ? List.of() : writer.complete();
    writer = null;
    table.refresh();
    Map<TopicPartition, Long> actual = ledger.committedOffsets(table, nextOffsets.keySet());
    Map<TopicPartition, Long> moved = new HashMap<>();
    for (TopicPartition tp : nextOffsets.keySet()) {
      if (!Objects.equals(actual.get(tp), expected.get(tp))) {
        moved.put(tp, actual.get(tp));
      }
    }
    if (!moved.isEmpty()) {
      deleteQuietly(files);
      moved.values().removeIf(Objects::isNull);
      throw new ConcurrentCommitException(moved);
    }
    AppendFiles append = table.newAppend();
    files.forEach(append::appendFile);
    append.set(ledger.summaryKey(), ledger.encode(nextOffsets));
    append.set("streametl.task", Integer.toString(taskId));
    try {
      append.commit();
    } catch (CommitStateUnknownException e) {
      // The files may or may not be in the table now: keep them, stop, and let the restarted task
      // read the truth (the offsets) back from the table.
      throw new ConnectException("the Iceberg catalog did not say whether the commit to " + identifier
          + " succeeded; the task stops and resumes from the offsets the table holds", e);
    } catch (RuntimeException e) {
      deleteQuietly(files);
      throw e;
    }
    LOG.debug("Committed {} data files to {} with offsets {}", files.size(), identifier, nextOffsets);
  }

  @Override
  public void abort() {
    if (writer != null) {
      writer.abort();
      writer = null;
    }
  }

  @Override
  public void close() {
    abort();
    if (catalog instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        LOG.warn("Closing the Iceberg catalog failed: {}", e.getMessage());
      }
    }
  }

  private Table loadTable() {
    if (table == null) {
      try {
        useTable(catalog.loadTable(identifier));
      } catch (NoSuchTableException e) {
        return null;
      }
    }
    return table;
  }

  private void createTable(Object value) {
    if (!autoCreate) {
      throw new ConnectException("Iceberg table " + identifier + " does not exist and "
          + "iceberg.table.auto-create is false; create the table or enable auto-create");
    }
    Schema schema = SchemaInference.fromValue(value);
    PartitionSpec spec;
    try {
      spec = PartitionSpecParser.build(schema, partitionBy);
    } catch (IllegalArgumentException e) {
      throw new ConnectException("cannot create Iceberg table " + identifier + ": " + e.getMessage(), e);
    }
    createNamespaceIfMissing();
    try {
      useTable(catalog.buildTable(identifier, schema).withPartitionSpec(spec).withProperties(tableProperties).create());
      LOG.info("Created Iceberg table {} partitioned by {}", identifier, spec);
    } catch (AlreadyExistsException e) {
      // Another task created it first: use theirs.
      useTable(catalog.loadTable(identifier));
    }
  }

  private void createNamespaceIfMissing() {
    Namespace namespace = identifier.namespace();
    if (catalog instanceof SupportsNamespaces namespaces && !namespace.isEmpty()
        && !namespaces.namespaceExists(namespace)) {
      try {
        namespaces.createNamespace(namespace);
      } catch (AlreadyExistsException e) {
        // created concurrently by another task: fine
      }
    }
  }

  private void useTable(Table loaded) {
    this.table = loaded;
    this.converter = new RecordConverter(loaded.schema());
  }

  private void deleteQuietly(List<DataFile> files) {
    List<String> failed = new ArrayList<>();
    for (DataFile file : files) {
      try {
        table.io().deleteFile(file.location());
      } catch (RuntimeException e) {
        failed.add(file.location());
      }
    }
    if (!failed.isEmpty()) {
      LOG.warn("Could not delete {} uncommitted data files of {}; they are unreferenced and safe to remove: {}",
          failed.size(), identifier, failed);
    }
  }
}
