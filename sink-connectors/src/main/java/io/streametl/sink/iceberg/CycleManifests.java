package io.streametl.sink.iceberg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.ManifestFile;
import org.apache.iceberg.ManifestFiles;
import org.apache.iceberg.ManifestWriter;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableOperations;
import org.apache.iceberg.encryption.EncryptedOutputFile;

/**
 * Writes a commit cycle's data files into manifests of their own, on the calling thread, so the
 * commit can append manifests instead of files.
 *
 * <p>Why: Iceberg writes the manifests of appended files on its JVM-wide worker pool, whatever
 * executor the commit was given ({@code SnapshotProducer.writeManifests} in 1.11). That pool shuts
 * itself down in a JVM shutdown hook, and Connect stops its tasks in another one. When a worker
 * gets SIGTERM (a rolling restart, {@code systemctl stop}, a Kubernetes pod deletion) the sink's
 * last commit, made as its partitions are closed, then failed with RejectedExecutionException
 * and the cycle was read again after the restart. Manifests written here and appended with
 * {@code appendManifest} skip that pool; the merge and filter steps Iceberg still runs in
 * parallel take the executor given by {@code scanManifestsWith}.
 *
 * <p>Iceberg uses such a manifest as is, with the commit's snapshot id inherited, only for
 * tables of format version 2 and above. Version 1 tables would copy it: for those
 * {@link #writerFor} returns empty and the commit appends files as before.
 */
final class CycleManifests {

  private final TableOperations operations;

  private CycleManifests(TableOperations operations) {
    this.operations = operations;
  }

  /** A writer for this table, or empty where appended manifests would not be used as written. */
  static Optional<CycleManifests> writerFor(Table table) {
    if (!(table instanceof HasTableOperations hasOperations)) {
      return Optional.empty();
    }
    TableOperations operations = hasOperations.operations();
    if (operations.current() == null || operations.current().formatVersion() < 2) {
      return Optional.empty();
    }
    return Optional.of(new CycleManifests(operations));
  }

  /**
   * One manifest per partition spec the files were written with, in the table's metadata
   * directory. A manifest left by a failure is deleted before the exception leaves.
   */
  List<ManifestFile> write(List<DataFile> files) {
    Map<Integer, List<DataFile>> bySpec = new LinkedHashMap<>();
    files.forEach(file -> bySpec.computeIfAbsent(file.specId(), id -> new ArrayList<>()).add(file));
    List<ManifestFile> written = new ArrayList<>();
    try {
      for (Map.Entry<Integer, List<DataFile>> group : bySpec.entrySet()) {
        written.add(writeOne(group.getKey(), group.getValue()));
      }
      return written;
    } catch (RuntimeException e) {
      delete(written);
      throw e;
    }
  }

  private ManifestFile writeOne(int specId, List<DataFile> files) {
    String name = FileFormat.AVRO.addExtension("streametl-" + UUID.randomUUID() + "-m0");
    EncryptedOutputFile output = operations.encryption()
        .encrypt(operations.io().newOutputFile(operations.metadataFileLocation(name)));
    // No snapshot id: the commit's snapshot id is inherited, so a retried commit can reuse the file.
    ManifestWriter<DataFile> writer = ManifestFiles.write(operations.current().formatVersion(),
        operations.current().spec(specId), output, null);
    try {
      try (writer) {
        files.forEach(writer::add);
      }
    } catch (IOException | RuntimeException e) {
      deleteQuietly(output.encryptingOutputFile().location());
      throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
    }
    return writer.toManifestFile();
  }

  /** Deletes manifests of a commit that did not happen; what cannot be deleted is unreferenced. */
  void delete(List<ManifestFile> manifests) {
    manifests.forEach(manifest -> deleteQuietly(manifest.path()));
  }

  private void deleteQuietly(String location) {
    try {
      operations.io().deleteFile(location);
    } catch (RuntimeException e) {
      // unreferenced by any snapshot: safe to leave, and orphan-file removal collects it
    }
  }
}
