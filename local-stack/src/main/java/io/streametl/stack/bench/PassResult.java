package io.streametl.stack.bench;

import java.time.Duration;

/** One read of a whole topic by a consumer in the harness. */
record PassResult(long records, long keyBytes, long valueBytes, Duration elapsed) {

  Throughput throughput() {
    return new Throughput(records, valueBytes, elapsed);
  }
}
