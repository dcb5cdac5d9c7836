package io.streametl.sink;

import io.streametl.sink.state.aggregate.AggregationSpec;
import io.streametl.sink.state.aggregate.SketchFormat;
import io.streametl.sink.state.aggregate.WindowAggregator;
import io.streametl.sink.state.dedup.PartitionDedupState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The processing state of one Kafka partition: its dedup keys (and the files that hold them) and
 * one window aggregator per aggregation. It is a deterministic function of the partition's
 * records, so restoring it at an offset and replaying from there repeats every decision.
 */
final class PartitionState {

  final PartitionDedupState dedup;             // null when dedup is off
  final List<String> dedupFiles;               // the base and deltas that rebuild the committed keys
  final Map<String, WindowAggregator> aggregators = new LinkedHashMap<>();

  PartitionState(PartitionDedupState dedup, List<String> dedupFiles, List<AggregationSpec> specs,
      Map<String, Long> maxEventTimes, SketchFormat sketches) {
    this.dedup = dedup;
    this.dedupFiles = new ArrayList<>(dedupFiles);
    for (AggregationSpec spec : specs) {
      aggregators.put(spec.name(),
          new WindowAggregator(spec, maxEventTimes.getOrDefault(spec.name(), WindowAggregator.NO_TIME), sketches));
    }
  }
}
