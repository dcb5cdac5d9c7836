package io.streametl.stack.cli;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/**
 * What the demo reports every 2 s. Empty values are not known yet (no offsets committed, no
 * table committed).
 */
record ProgressSnapshot(
    Duration elapsed,
    OptionalLong generated,
    long topicRecords,
    OptionalLong icebergRows,
    long dlqRecords,
    List<ConnectorLine> connectors) {

  /** One connector's state for the progress line, e.g. "RUNNING, tasks 2/2 RUNNING". */
  record ConnectorLine(String name, String summary) {}

  ProgressSnapshot {
    connectors = List.copyOf(connectors);
  }
}
