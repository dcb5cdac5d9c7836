package io.streametl.sink.iceberg.maintenance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streametl.sink.iceberg.IcebergDestination;
import io.streametl.sink.iceberg.OffsetLedger;
import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.io.FileInfo;
import org.apache.iceberg.io.SupportsPrefixOperations;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes this connector's dedup state files that no snapshot of the anchor table references any
 * more (their snapshots expired, or a task died between writing a file and committing it). Only
 * files in the connector's own state folder, named as the sink names them, and older than a grace
 * period are deleted, so a file written for a commit still in flight is never touched. Every file
 * a live task may still reference is referenced by the newest state document of its partition,
 * whose snapshot expiry never removes.
 */
final class StateFileCleanup {

  private static final Logger LOG = LoggerFactory.getLogger(StateFileCleanup.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  /** {@code <topic>-<partition>/<to offset>-(base|delta)-<uuid>.seds}, as PartitionStates names them. */
  private static final Pattern STATE_FILE =
      Pattern.compile("[a-zA-Z0-9._-]+-\\d+/\\d+-(base|delta)-[0-9a-f-]{36}\\.seds");

  private final String connector;
  private boolean warnedNoListing;

  StateFileCleanup(String connector) {
    this.connector = connector;
  }

  /**
   * @param writtenBeforeMillis only files created before this are deleted
   * @return how many files were deleted
   */
  int clean(Table anchor, long writtenBeforeMillis, int maxDeletes) {
    FileIO io = anchor.io();
    if (!(io instanceof SupportsPrefixOperations listing)) {
      if (!warnedNoListing) {
        warnedNoListing = true;
        LOG.info("The FileIO of {} ({}) cannot list files, so unreferenced dedup state files are not deleted; "
            + "they are small and harmless", anchor.name(), io.getClass().getSimpleName());
      }
      return 0;
    }
    anchor.refresh();
    Set<String> referenced = referencedNames(anchor);
    String marker = "/streametl-state/" + connector + "/";
    String folder = IcebergDestination.stateFolder(anchor, connector);
    int deleted = 0;
    try {
      for (FileInfo file : listing.listPrefix(folder)) {
        if (deleted >= maxDeletes) {
          break;
        }
        int at = file.location().indexOf(marker);
        if (at < 0) {
          continue; // not a location we can name relative to the folder: leave it alone
        }
        String name = file.location().substring(at + marker.length());
        if (STATE_FILE.matcher(name).matches() && !referenced.contains(name)
            && file.createdAtMillis() < writtenBeforeMillis) {
          io.deleteFile(file.location());
          deleted++;
        }
      }
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof FileNotFoundException) {
        return deleted; // no state folder yet (a file system FileIO; object stores list nothing)
      }
      throw e;
    }
    return deleted;
  }

  /** Every dedup file named by this connector's state documents in the table's retained snapshots. */
  private Set<String> referencedNames(Table anchor) {
    OffsetLedger ledger = new OffsetLedger(connector);
    Set<String> names = new HashSet<>();
    for (Snapshot snapshot : anchor.snapshots()) {
      String value = snapshot.summary().get(ledger.stateKey());
      if (value == null) {
        continue;
      }
      ledger.decodeStates(value, snapshot.snapshotId()).values().forEach(document -> {
        try {
          JSON.readTree(document).path("dedup_files").forEach(name -> names.add(name.asText()));
        } catch (JsonProcessingException e) {
          throw new ConnectException("snapshot " + snapshot.snapshotId() + " has an unreadable state document; "
              + "no dedup state file is deleted", e);
        }
      });
    }
    return names;
  }
}
