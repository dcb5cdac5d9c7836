package io.streametl.sink.state.aggregate;

import io.airlift.slice.Slices;
import io.airlift.stats.cardinality.HyperLogLog;
import java.util.Collection;

/** Folds serialized sketches the way Trino does: Airlift's merge, then its estimate. */
final class Sketches {

  private Sketches() {}

  static long estimate(Collection<byte[]> sketches) {
    HyperLogLog merged = null;
    for (byte[] bytes : sketches) {
      HyperLogLog sketch = HyperLogLog.newInstance(Slices.wrappedBuffer(bytes));
      if (merged == null) {
        merged = sketch;
      } else {
        merged.mergeWith(sketch);
      }
    }
    return merged == null ? 0 : merged.cardinality();
  }
}
