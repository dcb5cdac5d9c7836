package io.streametl.sink.state.dedup;

import org.apache.kafka.connect.errors.ConnectException;

/**
 * A dedup state file that cannot be trusted: wrong magic, unknown version, failed checksum, cut
 * short, or for another partition. Restoring from it would give wrong dedup decisions, so the
 * task must stop; the message names the file and what to do.
 */
public class CorruptStateFileException extends ConnectException {

  public CorruptStateFileException(String fileName, String problem) {
    super("dedup state file " + fileName + " " + problem + "; the partition's dedup state cannot be restored "
        + "from it. Restore the file from a backup, or reset the connector's state and offsets for this partition");
  }
}
