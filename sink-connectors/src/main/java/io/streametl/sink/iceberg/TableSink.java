package io.streametl.sink.iceberg;

import io.streametl.sink.ConcurrentCommitException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.ManifestFile;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.SnapshotSummary;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.CommitStateUnknownException;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.io.FileIO;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Iceberg table the sink writes: it creates the table from the first row, evolves its schema
 * when rows bring new fields, buffers a cycle's data files, and commits them with this table's
 * own Kafka offsets ({@link OffsetLedger}). It also knows, per partition, the offset below which
 * this table already holds every row, so replayed records are not written twice.
 */
final class TableSink {

  private static final Logger LOG = LoggerFactory.getLogger(TableSink.class);

  private final Catalog catalog;
  private final TableIdentifier identifier;
  private final TableSettings settings;
  private final OffsetLedger ledger;
  private final int taskId;
  private final ExecutorService manifestPool;
  private final Map<TopicPartition, Long> entries = new HashMap<>();
  private final Map<TopicPartition, String> states = new HashMap<>();
  private final List<DataFile> completedFiles = new ArrayList<>();

  private Table table;                 // the task thread's: writers, schema evolution
  private volatile Table publishTable; // the publishing thread's (one publication at a time)
  private RecordConverter converter;
  private TableWriter writer;
  private long cycleRecords;

  /** @param manifestPool the task's executor for the manifest work a commit runs in parallel */
  TableSink(Catalog catalog, TableIdentifier identifier, TableSettings settings, OffsetLedger ledger, int taskId,
      ExecutorService manifestPool) {
    this.catalog = catalog;
    this.identifier = identifier;
    this.settings = settings;
    this.ledger = ledger;
    this.taskId = taskId;
    this.manifestPool = manifestPool;
  }

  TableIdentifier identifier() {
    return identifier;
  }

  boolean exists() {
    return loadTable() != null;
  }

  /** Reads this table's offsets for newly assigned partitions. */
  void open(Collection<TopicPartition> partitions) {
    Table current = loadTable();
    if (current == null) {
      return;
    }
    current.refresh();
    ledger.committed(current, partitions).forEach((tp, committed) -> {
      entries.put(tp, committed.nextOffset());
      if (committed.state() != null) {
        states.put(tp, committed.state());
      }
    });
  }

  void close(Collection<TopicPartition> partitions) {
    partitions.forEach(entries::remove);
    partitions.forEach(states::remove);
  }

  /** The processing state recorded with each partition's offset (absent: none). */
  Map<TopicPartition, String> states(Collection<TopicPartition> partitions) {
    Map<TopicPartition, String> result = new HashMap<>();
    partitions.forEach(tp -> {
      if (states.containsKey(tp)) {
        result.put(tp, states.get(tp));
      }
    });
    return result;
  }

  /** The table, once it exists (for its FileIO and location). */
  Table table() {
    return loadTable();
  }

  /** The offsets this table holds for the given partitions (absent: none recorded). */
  Map<TopicPartition, Long> entries(Collection<TopicPartition> partitions) {
    Map<TopicPartition, Long> result = new HashMap<>();
    partitions.forEach(tp -> {
      if (entries.containsKey(tp)) {
        result.put(tp, entries.get(tp));
      }
    });
    return result;
  }

  /** False for a replayed record this table already holds. */
  boolean accepts(TopicPartition tp, long offset) {
    Long entry = entries.get(tp);
    return entry == null || offset >= entry;
  }

  /**
   * Buffers one value (a Struct or Map) as a row.
   *
   * @throws org.apache.kafka.connect.errors.DataException if it cannot become a row of this table
   */
  void write(Object value) {
    if (table == null && loadTable() == null) {
      createTable(value);
    }
    Record row;
    try {
      row = converter.convert(value);
    } catch (SchemaMismatchException mismatch) {
      if (!settings.evolveSchema()) {
        throw mismatch;
      }
      evolveFor(value);
      row = converter.convert(value);
    }
    if (writer == null) {
      writer = new TableWriter(table, taskId);
    }
    writer.write(row, RowSizeEstimator.estimate(row));
    cycleRecords++;
  }

  private void evolveFor(Object value) {
    List<SchemaEvolution.Change> changes = SchemaEvolution.changesFor(table.schema(), value);
    if (changes.isEmpty()) {
      return; // the mismatch was not about the schema; converting again reports it
    }
    // Files written so far carry the old schema's field ids; they stay valid and are committed
    // with the cycle. New rows go to new files written with the new schema.
    if (writer != null) {
      completedFiles.addAll(writer.complete());
      writer = null;
    }
    SchemaEvolution.apply(table, changes);
    useTable(table);
  }

  boolean touched() {
    return cycleRecords > 0;
  }

  long bufferedRecords() {
    return cycleRecords;
  }

  long bufferedBytes() {
    return writer == null ? 0 : writer.estimatedBytes();
  }

  /**
   * Appends the cycle's files with these next offsets (and extra summary entries) in one commit,
   * provided the table still holds the offsets this task last saw.
   *
   * @throws ConcurrentCommitException if another writer moved this table's offsets
   */
  void commit(Map<TopicPartition, Long> nextOffsets, Map<String, String> summary) {
    SealedCycle sealed = seal(nextOffsets, summary);
    try {
      sealed.publish();
    } finally {
      sealed.settle();
    }
  }

  /**
   * Ends the cycle on the task thread: its files are complete and the offsets to record are
   * fixed. The returned cycle is published on any thread, while this sink takes the next cycle's
   * rows; {@link SealedCycle#settle()} then runs on the task thread again.
   */
  SealedCycle seal(Map<TopicPartition, Long> nextOffsets, Map<String, String> summary) {
    List<DataFile> files = new ArrayList<>(completedFiles);
    completedFiles.clear();
    if (writer != null) {
      files.addAll(writer.complete());
      writer = null;
    }
    cycleRecords = 0;
    Map<TopicPartition, Long> expected = new HashMap<>();
    nextOffsets.keySet().forEach(tp -> expected.put(tp, entries.get(tp)));
    return new SealedCycle(files, table.io(), expected, neverBehind(nextOffsets), Map.copyOf(summary));
  }

  /**
   * A sealed cycle of this table. {@link #publish()} touches nothing the task thread uses: it
   * commits through a table instance of its own, so the task's writers and schema stay as they are.
   */
  final class SealedCycle {

    private final List<DataFile> files;
    private final FileIO io;
    private final Map<TopicPartition, Long> expected;   // this table's offsets as the task last saw them
    private final Map<TopicPartition, Long> recorded;
    private final Map<String, String> summary;
    private volatile boolean attempted;
    private volatile boolean published;

    private SealedCycle(List<DataFile> files, FileIO io, Map<TopicPartition, Long> expected,
        Map<TopicPartition, Long> recorded, Map<String, String> summary) {
      this.files = files;
      this.io = io;
      this.expected = expected;
      this.recorded = recorded;
      this.summary = summary;
    }

    /**
     * Appends the files with the offsets, provided the table still holds the expected ones.
     *
     * @throws ConcurrentCommitException if another writer moved this table's offsets
     */
    void publish() {
      attempted = true;
      Table target = publishTable();
      Map<TopicPartition, Long> actual = ledger.committedOffsets(target, recorded.keySet());
      Map<TopicPartition, Long> moved = new HashMap<>();
      for (TopicPartition tp : recorded.keySet()) {
        if (!Objects.equals(actual.get(tp), expected.get(tp))) {
          moved.put(tp, actual.get(tp));
        }
      }
      if (!moved.isEmpty()) {
        deleteQuietly(io, files);
        moved.values().removeIf(Objects::isNull);
        throw new ConcurrentCommitException(moved);
      }
      // Nothing of this commit runs on Iceberg's JVM-wide worker pool, which a JVM shutdown hook
      // closes while Connect's hook still stops the tasks (see CycleManifests).
      AppendFiles append = target.newAppend().scanManifestsWith(manifestPool);
      Optional<CycleManifests> manifests = CycleManifests.writerFor(target);
      List<ManifestFile> written = List.of();
      try {
        if (manifests.isPresent()) {
          written = manifests.get().write(files);
          written.forEach(append::appendManifest);
          // Iceberg takes file and record counts from an appended manifest, but not the bytes, and
          // the snapshot's total-files-size (read by engines and tools) is kept from this figure.
          append.set(SnapshotSummary.ADDED_FILE_SIZE_PROP,
              Long.toString(files.stream().mapToLong(DataFile::fileSizeInBytes).sum()));
        } else {
          files.forEach(append::appendFile);
        }
      } catch (RuntimeException e) {
        deleteQuietly(io, files);
        throw e;
      }
      append.set(ledger.summaryKey(), ledger.encode(recorded));
      append.set("streametl.task", Integer.toString(taskId));
      summary.forEach(append::set);
      try {
        append.commit();
      } catch (CommitStateUnknownException e) {
        // The files may or may not be in the table now: keep them, stop, and let the restarted task
        // read the truth (the offsets) back from the table.
        throw new ConnectException("the Iceberg catalog did not say whether the commit to " + identifier
            + " succeeded; the task stops and resumes from the offsets the tables hold", e);
      } catch (RuntimeException e) {
        // Iceberg deletes only the manifests it wrote itself; the appended ones are ours to delete.
        List<ManifestFile> unreferenced = written;
        manifests.ifPresent(writer -> writer.delete(unreferenced));
        deleteQuietly(io, files);
        throw e;
      }
      published = true;
      LOG.debug("Committed {} data files to {} with offsets {}", files.size(), identifier, recorded);
    }

    /** Deletes the files of a cycle that was never published (an earlier table's commit failed). */
    void discardIfUnattempted() {
      if (!attempted) {
        deleteQuietly(io, files);
      }
    }

    /** On the task thread, after publishing ended either way: this table now holds what it published. */
    void settle() {
      if (published) {
        entries.putAll(recorded);
      }
    }
  }

  /** The table instance commits go through, loaded once and refreshed before each commit. */
  private Table publishTable() {
    if (publishTable == null) {
      publishTable = catalog.loadTable(identifier);
    } else {
      publishTable.refresh();
    }
    return publishTable;
  }

  /**
   * The offsets to record: never below what this table already holds. After a crash between the
   * two commit phases this table is ahead of the anchor; a replayed cycle may end before that
   * point, and recording its lower offset would let the rest of the replay write rows (or add
   * partial aggregates) this table already holds. For the anchor this changes nothing: a task
   * resumes from the anchor's offsets and only moves forward from them.
   */
  private Map<TopicPartition, Long> neverBehind(Map<TopicPartition, Long> nextOffsets) {
    Map<TopicPartition, Long> recorded = new HashMap<>(nextOffsets);
    recorded.replaceAll((tp, next) -> entries.containsKey(tp) ? Math.max(next, entries.get(tp)) : next);
    return recorded;
  }

  /** Discards the cycle's rows. */
  void abort() {
    if (writer != null) {
      writer.abort();
      writer = null;
    }
    if (table != null) {
      deleteQuietly(table.io(), completedFiles);
    }
    completedFiles.clear();
    cycleRecords = 0;
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

  /** Creates the table from a value's shape if it does not exist yet, without writing a row. */
  void createLike(Object value) {
    if (loadTable() == null) {
      createTable(value);
    }
  }

  private void createTable(Object value) {
    if (!settings.autoCreate()) {
      throw new ConnectException("Iceberg table " + identifier + " does not exist and "
          + "iceberg.table.auto-create is false; create the table or enable auto-create");
    }
    Schema schema = SchemaInference.fromValue(value);
    PartitionSpec spec;
    try {
      spec = PartitionSpecParser.build(schema, settings.partitionBy());
    } catch (IllegalArgumentException e) {
      throw new ConnectException("cannot create Iceberg table " + identifier + ": " + e.getMessage(), e);
    }
    createNamespaceIfMissing();
    try {
      useTable(catalog.buildTable(identifier, schema).withPartitionSpec(spec)
          .withProperties(settings.properties()).create());
      LOG.info("Created Iceberg table {} partitioned by {}", identifier, spec);
    } catch (AlreadyExistsException e) {
      useTable(catalog.loadTable(identifier)); // another task created it first: use theirs
    }
  }

  /**
   * Creates the table's namespace unless it exists. Tasks starting together on a fresh catalog
   * all find it missing and all create it; the ones that lose fail in whatever way their catalog
   * reports it (AlreadyExistsException, or for the JDBC catalog the database's primary-key
   * violation as UncheckedSQLException), so any failure is followed by a second look: a namespace
   * that exists by then was created by another task, and is used.
   */
  private void createNamespaceIfMissing() {
    Namespace namespace = identifier.namespace();
    if (catalog instanceof SupportsNamespaces namespaces && !namespace.isEmpty()
        && !namespaces.namespaceExists(namespace)) {
      try {
        namespaces.createNamespace(namespace);
      } catch (RuntimeException e) {
        if (!namespaces.namespaceExists(namespace)) {
          throw e;
        }
        LOG.info("Iceberg namespace {} was created by another task meanwhile; using it", namespace);
      }
    }
  }

  private void useTable(Table loaded) {
    this.table = loaded;
    this.converter = new RecordConverter(loaded.schema());
  }

  private void deleteQuietly(FileIO io, List<DataFile> files) {
    List<String> failed = new ArrayList<>();
    for (DataFile file : files) {
      try {
        io.deleteFile(file.location());
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
