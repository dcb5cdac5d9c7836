package io.streametl.source.generator;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * Stream {@code stream} of {@code streams}: the positions {@code stream, stream + streams, ...}
 * that one task generates. Its source partition is
 * {@code {"generator": <connector>, "stream": i, "streams": N}}, so changing {@code tasks.max}
 * starts new streams with no stored offsets.
 */
record GeneratorStream(String connectorName, int stream, int streams) {

  static final String GENERATOR_KEY = "generator";
  static final String STREAM_KEY = "stream";
  static final String STREAMS_KEY = "streams";

  GeneratorStream {
    if (streams < 1 || stream < 0 || stream >= streams) {
      throw new IllegalArgumentException("stream " + stream + " of " + streams + " does not exist");
    }
  }

  /**
   * The source partition. The worker finds stored offsets by the serialised bytes of this map, and
   * its offsets REST API re-serialises partitions it read back into a HashMap: so the key order
   * must be a HashMap's (deterministic for String keys), not Map.of's, which changes between JVM
   * runs, nor insertion order.
   */
  Map<String, Object> partition() {
    Map<String, Object> partition = new HashMap<>();
    partition.put(GENERATOR_KEY, connectorName);
    partition.put(STREAM_KEY, stream);
    partition.put(STREAMS_KEY, streams);
    return Collections.unmodifiableMap(partition);
  }

  long firstPosition() {
    return stream;
  }

  boolean owns(long position) {
    return position >= stream && (position - stream) % streams == 0;
  }

  /** Reads a source partition as stored in the offsets topic, e.g. one given to alterOffsets. */
  static GeneratorStream fromPartition(Map<String, ?> partition) {
    Object name = partition.get(GENERATOR_KEY);
    if (!(name instanceof String connector)) {
      throw new ConnectException(
          "source partition " + partition + " lacks the string key '" + GENERATOR_KEY + "'");
    }
    long stream = StreamOffset.requireLong(partition, STREAM_KEY, "source partition");
    long streams = StreamOffset.requireLong(partition, STREAMS_KEY, "source partition");
    if (streams < 1 || streams > Integer.MAX_VALUE || stream < 0 || stream >= streams) {
      throw new ConnectException(
          "source partition " + partition + " names stream " + stream + " of " + streams
              + "; expected 0 <= stream < streams");
    }
    return new GeneratorStream(connector, (int) stream, (int) streams);
  }
}
