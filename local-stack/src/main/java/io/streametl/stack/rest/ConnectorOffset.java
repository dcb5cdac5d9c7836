package io.streametl.stack.rest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One entry of GET /connectors/{name}/offsets. For a source connector both maps are whatever the
 * connector writes; for a sink the partition holds kafka_topic and kafka_partition and the offset
 * holds kafka_offset.
 */
public record ConnectorOffset(Map<String, Object> partition, Map<String, Object> offset) {

  public ConnectorOffset {
    // Not Map.copyOf: a source connector may write null values into its offsets.
    partition = Collections.unmodifiableMap(new LinkedHashMap<>(partition));
    offset = Collections.unmodifiableMap(new LinkedHashMap<>(offset));
  }
}
